import { criterionSlug, DECISION_LEVELS } from './criteria';
import { field, h, select } from './dom';
import type { PageContext } from './pageContext';
import { COMMENT_ON_REQUEST, DECIDE_INCLUSION, REQUEST_CHANGES, type InclusionRequest } from './queries';
import { requestCard } from './requestCard';
import { ok, runAction } from './runAction';

/**
 * An open inclusion request for a reviewer: comment, ask for changes, or decide it (included,
 * rejected or deferred) with a reason as a whole and a level and reason per D-Stack criterion.
 */
export function inclusionReviewCard(ctx: PageContext, r: InclusionRequest): HTMLElement {
  const n = r.number;
  const id = (part: string): string => `decide-${n}-${part}`;
  const comment = h('textarea', { id: id('comment'), rows: 2 });
  const commentBtn = h('button', { type: 'button', id: id('comment-submit') }, 'Comment');
  const changes = h('textarea', { id: id('changes'), rows: 2 });
  const changesBtn = h('button', { type: 'button', id: id('changes-submit') }, 'Request changes');
  const outcome = select(id('outcome'), [['included', 'included'], ['rejected', 'rejected'], ['deferred', 'deferred']], 'rejected');
  const reason = h('textarea', { id: id('reason'), rows: 2, required: true });
  const self = new Map(r.selfAssessment.map((a) => [a.criterion.id, a]));
  const criteria = ctx.criteria().map((c) => {
    const slug = criterionSlug(c.id);
    const claimed = self.get(c.id);
    const level = select(id(`level-${slug}`), DECISION_LEVELS, claimed && claimed.level !== 'unknown' ? claimed.level : 'not_met');
    const why = h('textarea', { id: id(`reason-${slug}`), rows: 2, required: true });
    const box = h('fieldset', { class: 'criterion', 'data-criterion': c.id }, h('legend', {}, c.name, claimed ? h('span', { class: 'muted' }, ` (self-assessed: ${claimed.level.replace('_', ' ')})`) : null), field('Level', level), field('Reason', why));
    return { box, read: () => ({ criterion: c.id, level: level.value, reason: why.value }) };
  });
  const decide = h('button', { type: 'submit', id: id('submit') }, 'Decide');
  const out = h('div', { class: 'result', 'aria-live': 'polite', id: id('result') });
  const controls = h(
    'fieldset',
    { class: 'plain' },
    h('legend', { class: 'sr-only' }, `Review #${n}`),
    h('div', { class: 'row' }, field('Comment', comment), h('div', { class: 'actions' }, commentBtn)),
    h('div', { class: 'row' }, field('Changes to ask for', changes), h('div', { class: 'actions' }, changesBtn)),
  );
  // Decided or sent back: the controls are disabled; the result stays readable until the queue is reloaded.
  const done = (): void => {
    controls.disabled = true;
    decide.disabled = true;
    form.inert = true;
  };
  commentBtn.addEventListener('click', () => {
    void runAction(commentBtn, out, async () => {
      await ctx.write(COMMENT_ON_REQUEST, { id: r.id, text: comment.value });
      comment.value = '';
      return ok(`Comment added to #${n}.`);
    });
  });
  changesBtn.addEventListener('click', () => {
    void runAction(changesBtn, out, async () => {
      const res = (await ctx.write<{ requestChanges: { status: string } }>(REQUEST_CHANGES, { id: r.id, reason: changes.value })).requestChanges;
      done();
      return ok(`#${n} is ${res.status.replace('_', ' ')}: the author revises it.`);
    });
  });
  const form = h(
    'form',
    { id: id('form'), class: 'decide' },
    h('h4', {}, 'Decide'),
    field('Outcome', outcome),
    field('Reason', reason, 'The decision’s reason as a whole.'),
    ...criteria.map((c) => c.box),
    h('div', { class: 'actions' }, decide),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void runAction(decide, out, async () => {
      const input = { outcome: outcome.value, reason: reason.value, criteria: criteria.map((c) => c.read()) };
      const res = (await ctx.write<{ decideInclusion: { number: number; status: string } }>(DECIDE_INCLUSION, { id: r.id, input })).decideInclusion;
      done();
      return ok(`Request #${res.number} is ${res.status}.`);
    });
  });
  return requestCard(
    r,
    h(
      'details',
      { class: 'review-actions', open: true },
      h('summary', {}, 'Review'),
      controls,
      form,
    ),
    out,
  );
}
