import { h } from './dom';
import type { PageContext } from './pageContext';
import { GRANT_EXCEPTION, REFUSE_EXCEPTION, type ExceptionRequestSummary } from './queries';
import { ok, runAction } from './runAction';

/** A submitted exception request: grant (reason optional) or refuse (reason required). */
export function exceptionCard(ctx: PageContext, x: ExceptionRequestSummary): HTMLElement {
  const n = x.number;
  const reason = h('input', { id: `exception-${n}-reason`, type: 'text', placeholder: 'reason' });
  const grant = h('button', { type: 'button', id: `exception-${n}-grant` }, 'Grant');
  const refuse = h('button', { type: 'button', id: `exception-${n}-refuse`, class: 'danger' }, 'Refuse');
  const out = h('div', { class: 'result', 'aria-live': 'polite', id: `exception-${n}-result` });
  const controls = h('fieldset', { class: 'plain actions' }, h('legend', { class: 'sr-only' }, `Decide #${n}`), h('label', { for: reason.id }, 'Reason '), reason, grant, refuse);
  const done = (): void => {
    controls.disabled = true;
  };
  grant.addEventListener('click', () => {
    void runAction(grant, out, async () => {
      const r = (await ctx.write<{ grantException: { number: number; status: string } }>(GRANT_EXCEPTION, { id: x.id, reason: reason.value.trim() || null })).grantException;
      done();
      return ok(`Exception request #${r.number} ${r.status}.`);
    });
  });
  refuse.addEventListener('click', () => {
    void runAction(refuse, out, async () => {
      const r = (await ctx.write<{ refuseException: { number: number; status: string } }>(REFUSE_EXCEPTION, { id: x.id, reason: reason.value })).refuseException;
      done();
      return ok(`Exception request #${r.number} ${r.status}.`);
    });
  });
  return h(
    'article',
    { class: 'exception', 'data-exception': x.id, 'data-number': n, 'aria-label': `Exception request #${n}` },
    h('h3', {}, `#${n} from `, h('code', {}, x.requirementId), ' for ', h('code', {}, x.grantedForId), h('span', { class: 'muted' }, ` · until ${x.until}`)),
    h('p', { class: 'muted' }, `by ${x.author} (${x.organization}) on ${x.createdAt.slice(0, 10)}`),
    h('p', {}, x.justification),
    x.sources.length > 0 ? h('p', { class: 'muted' }, `Sources: ${x.sources.join(', ')}`) : null,
    controls,
    out,
  );
}
