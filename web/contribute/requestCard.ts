import { h, table } from './dom';
import type { CriterionResult, InclusionRequest } from './queries';

const day = (iso: string): string => iso.slice(0, 10);

/** A level as a coloured badge (met, partly, not_met, unknown). */
export const levelBadge = (level: string): HTMLElement => h('span', { class: `level level-${level}`, 'data-level': level }, level.replace('_', ' '));

/** Criteria with level and reason, one row each. */
export function criteriaTable(results: readonly CriterionResult[], caption: string): HTMLTableElement {
  const t = table({ class: 'criteria' }, ['Criterion', 'Level', 'Reason'], results.map((r) => [r.criterion.name, levelBadge(r.level), r.reason]));
  t.prepend(h('caption', {}, caption));
  t.querySelectorAll('tbody tr').forEach((tr, i) => tr.setAttribute('data-criterion', results[i]?.criterion.id ?? ''));
  return t;
}

/** An inclusion request: item, stack, who, the self-assessment, the decision and its reasons, the timeline. */
export function requestCard(r: InclusionRequest, ...extra: (Node | null)[]): HTMLElement {
  const d = r.decision;
  return h(
    'article',
    { class: `request request-${r.status}`, 'data-request': r.id, 'data-number': r.number, 'data-status': r.status, 'aria-label': `Request #${r.number}: ${r.itemName}` },
    h(
      'h3',
      {},
      `#${r.number} ${r.itemName} `,
      h('code', {}, r.itemId),
      ' ',
      h('span', { class: `status status-${r.status}` }, r.status.replace('_', ' ')),
    ),
    h('p', { class: 'muted' }, `into ${r.stack.name} · requested by ${r.author} (${r.organization}) on ${day(r.createdAt)}`),
    h('p', { class: 'summary' }, r.summary),
    d
      ? h(
          'section',
          { class: `decision outcome-${d.outcome}`, 'data-outcome': d.outcome },
          h('h4', {}, `Decision: ${d.outcome}`, h('span', { class: 'muted' }, ` · ${d.reviewer} (${d.organization}), ${day(d.decidedAt)}`)),
          h('p', { class: 'decision-reason' }, d.reason),
          criteriaTable(d.criteria, 'The reviewer’s reasons per criterion'),
        )
      : null,
    h('details', {}, h('summary', {}, 'Self-assessment'), criteriaTable(r.selfAssessment, 'The requester’s self-assessment')),
    r.timeline.length > 0
      ? h('details', {}, h('summary', {}, `Timeline (${r.timeline.length})`), h('ol', { class: 'timeline' }, ...r.timeline.map((e) => h('li', {}, h('time', { datetime: e.at }, day(e.at)), ` ${e.kind} by ${e.actor}`, e.text ? `: ${e.text}` : ''))))
      : null,
    ...extra,
  );
}
