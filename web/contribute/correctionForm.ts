import { diffTable } from './diffTable';
import { field, h, splitList } from './dom';
import type { PageContext } from './pageContext';
import { PROPOSE, type Change } from './queries';
import { ok, runAction } from './runAction';

const EXAMPLE = JSON.stringify([{ op: 'CHANGE_NODE', id: 'bundid', properties: { note: 'What the source says.' } }], null, 2);

/** A correction: a change set with a reason and citations (`propose`), checked by the API like the seed files. */
export function correctionForm(ctx: PageContext): HTMLElement {
  const reason = h('textarea', { id: 'corr-reason', rows: 2, required: true });
  const citations = h('input', { id: 'corr-citations', type: 'text', placeholder: 'brandenburg-bundid, ozg-gesetz (§ 3)', spellcheck: 'false' });
  const operations = h('textarea', { id: 'corr-operations', rows: 7, required: true, spellcheck: 'false', class: 'code' });
  operations.value = EXAMPLE;
  const submit = h('button', { type: 'submit', id: 'corr-submit' }, 'File the correction');
  const out = h('div', { id: 'corr-result', class: 'result', 'aria-live': 'polite' });
  const form = h(
    'form',
    { id: 'correction-form' },
    field('Reason', reason, 'Why the graph should change; reviewers read it.'),
    field('Citations', citations, 'Registry ids of the sources, comma separated.'),
    field('Operations (JSON)', operations, 'A list of ChangeInput: op ADD_NODE, CHANGE_NODE, REMOVE_NODE, ADD_LINK, CHANGE_LINK or REMOVE_LINK with id/label or type/from/to, properties, unset.'),
    h('div', { class: 'actions' }, submit),
    out,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void runAction(submit, out, async () => {
      let ops: unknown;
      try {
        ops = JSON.parse(operations.value);
      } catch (err) {
        throw new Error(`The operations are no valid JSON: ${(err as Error).message}`);
      }
      if (!Array.isArray(ops)) throw new Error('The operations must be a JSON list: [{"op": "CHANGE_NODE", ...}].');
      const { propose } = await ctx.write<{ propose: { id: string; number: number; status: string; diff: Change[] } }>(PROPOSE, { input: { reason: reason.value, citations: splitList(citations.value), operations: ops } });
      return [ok(`Filed as proposal #${propose.number} (${propose.id}), ${propose.status}: a reviewer decides.`), diffTable(propose.diff)];
    });
  });
  return form;
}
