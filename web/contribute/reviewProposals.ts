import { diffTable } from './diffTable';
import { h } from './dom';
import type { PageContext } from './pageContext';
import { ACCEPT_PROPOSAL, REJECT_PROPOSAL, type ProposalSummary } from './queries';
import { ok, runAction } from './runAction';

/** A submitted proposal with its diff against today's graph; accept, or reject with a reason. */
export function proposalCard(ctx: PageContext, p: ProposalSummary): HTMLElement {
  const n = p.number;
  const reason = h('input', { id: `proposal-${n}-reason`, type: 'text', placeholder: 'why it is rejected (the author reads it)' });
  const accept = h('button', { type: 'button', id: `proposal-${n}-accept` }, 'Accept');
  const reject = h('button', { type: 'button', id: `proposal-${n}-reject`, class: 'danger' }, 'Reject');
  const out = h('div', { class: 'result', 'aria-live': 'polite', id: `proposal-${n}-result` });
  const controls = h('fieldset', { class: 'plain actions' }, h('legend', { class: 'sr-only' }, `Decide #${n}`), accept, h('label', { for: reason.id, class: 'sr-only' }, `Reason to reject #${n}`), reason, reject);
  // Decided: the controls are disabled; the result stays readable until the queue is reloaded.
  const done = (): void => {
    controls.disabled = true;
  };
  accept.addEventListener('click', () => {
    void runAction(accept, out, async () => {
      const r = (await ctx.write<{ acceptProposal: { number: number; status: string } }>(ACCEPT_PROPOSAL, { id: p.id })).acceptProposal;
      done();
      return ok(`Proposal #${r.number} ${r.status}.`);
    });
  });
  reject.addEventListener('click', () => {
    void runAction(reject, out, async () => {
      const r = (await ctx.write<{ rejectProposal: { number: number; status: string } }>(REJECT_PROPOSAL, { id: p.id, reason: reason.value })).rejectProposal;
      done();
      return ok(`Proposal #${r.number} ${r.status}.`);
    });
  });
  return h(
    'article',
    { class: 'proposal', 'data-proposal': p.id, 'data-number': n, 'aria-label': `Proposal #${n}` },
    h('h3', {}, `#${n} ${p.kind} by ${p.author} (${p.organization})`, h('span', { class: 'muted' }, ` · ${p.createdAt.slice(0, 10)}`)),
    h('p', {}, p.reason),
    p.diff.length > 0 ? diffTable(p.diff) : h('p', { class: 'muted' }, 'No changes against today’s graph.'),
    controls,
    out,
  );
}
