import { field, h, splitList } from './dom';
import type { PageContext } from './pageContext';
import { REQUEST_EXCEPTION } from './queries';
import { ok, runAction } from './runAction';

/** An exception request (Ausnahme) from a MUSS/SOLL requirement, with a justification and an end date. */
export function exceptionForm(ctx: PageContext): HTMLElement {
  const requirement = h('input', { id: 'exc-requirement', type: 'text', required: true, placeholder: 'req:...', spellcheck: 'false' });
  const grantedFor = h('input', { id: 'exc-granted-for', type: 'text', required: true, placeholder: 'a service, component, organisation or integration point id', spellcheck: 'false' });
  const justification = h('textarea', { id: 'exc-justification', rows: 3, required: true });
  const until = h('input', { id: 'exc-until', type: 'date', required: true });
  const sources = h('input', { id: 'exc-sources', type: 'text', placeholder: 'registry ids or links, comma separated', spellcheck: 'false' });
  const submit = h('button', { type: 'submit', id: 'exc-submit' }, 'Request the exception');
  const out = h('div', { id: 'exc-result', class: 'result', 'aria-live': 'polite' });
  const form = h(
    'form',
    { id: 'exception-form' },
    field('Requirement', requirement, 'The requirement to deviate from (req:…).'),
    field('Granted for', grantedFor),
    field('Justification', justification),
    field('Until', until, 'The last day it holds (after today).'),
    field('Sources', sources),
    h('div', { class: 'actions' }, submit),
    out,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void runAction(submit, out, async () => {
      const input = { requirement: requirement.value.trim(), grantedFor: grantedFor.value.trim(), justification: justification.value, until: until.value, sources: splitList(sources.value) };
      const { requestException: r } = await ctx.write<{ requestException: { id: string; number: number; status: string } }>(REQUEST_EXCEPTION, { input });
      return ok(`Exception request #${r.number} (${r.id}) is ${r.status}: a reviewer decides.`);
    });
  });
  return form;
}
