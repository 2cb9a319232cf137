import { h, setChildren } from './dom';
import { errorView } from './errorView';
import type { PageContext } from './pageContext';
import { REVIEW_QUEUE, type ExceptionRequestSummary, type InclusionRequest, type ProposalSummary } from './queries';
import { exceptionCard } from './reviewExceptions';
import { inclusionReviewCard } from './reviewInclusion';
import { proposalCard } from './reviewProposals';

interface Queue {
  proposals: ProposalSummary[];
  submitted: InclusionRequest[];
  changesRequested: InclusionRequest[];
  exceptionRequests: ExceptionRequestSummary[];
}

/** The review queue (role reviewer): submitted proposals, open inclusion requests, exception requests. */
export class ReviewView {
  readonly panel: HTMLElement;
  private readonly proposals = h('div', { id: 'review-proposals' });
  private readonly inclusions = h('div', { id: 'review-inclusions' });
  private readonly exceptions = h('div', { id: 'review-exceptions' });
  private readonly counts = h('p', { id: 'review-counts', role: 'status' });
  /** The number of the latest load: an answer to an older one is dropped. */
  private loads = 0;
  /**
   * The cards shown, by what they show: a reload (the tab opened again, the reload button) keeps a
   * card whose request did not change, so what a reviewer typed into it is not lost.
   */
  private cards = new Map<string, HTMLElement>();

  constructor(private readonly ctx: PageContext) {
    const refresh = h('button', { type: 'button', id: 'review-refresh' }, 'Reload the queue');
    refresh.addEventListener('click', () => void this.load());
    this.panel = h(
      'div',
      {},
      h('p', {}, 'Decide what others filed; the API refuses a decision on one’s own filing (four eyes). ', refresh),
      this.counts,
      h('section', { 'aria-labelledby': 'review-inclusions-title' }, h('h2', { id: 'review-inclusions-title' }, 'Inclusion requests'), this.inclusions),
      h('section', { 'aria-labelledby': 'review-proposals-title' }, h('h2', { id: 'review-proposals-title' }, 'Proposals'), this.proposals),
      h('section', { 'aria-labelledby': 'review-exceptions-title' }, h('h2', { id: 'review-exceptions-title' }, 'Exception requests'), this.exceptions),
    );
  }

  async load(): Promise<void> {
    const mine = ++this.loads;
    setChildren(this.counts, 'Loading the queue …');
    try {
      const q = await this.ctx.read<Queue>(REVIEW_QUEUE);
      if (mine !== this.loads) return;
      const open = [...q.submitted, ...q.changesRequested].sort((a, b) => b.number - a.number);
      const none = (what: string): HTMLElement => h('p', { class: 'muted' }, `No ${what} waiting.`);
      const kept = new Map<string, HTMLElement>();
      const card = (key: string, make: () => HTMLElement): HTMLElement => {
        const el = this.cards.get(key) ?? make();
        kept.set(key, el);
        return el;
      };
      const inclusions = open.map((r) => card(`inclusion:${r.id}:${r.status}:${r.timeline.length}`, () => inclusionReviewCard(this.ctx, r)));
      const proposals = q.proposals.map((p) => card(`proposal:${p.id}`, () => proposalCard(this.ctx, p)));
      const exceptions = q.exceptionRequests.map((x) => card(`exception:${x.id}`, () => exceptionCard(this.ctx, x)));
      this.cards = kept;
      setChildren(this.inclusions, ...(inclusions.length > 0 ? inclusions : [none('inclusion requests')]));
      setChildren(this.proposals, ...(proposals.length > 0 ? proposals : [none('proposals')]));
      setChildren(this.exceptions, ...(exceptions.length > 0 ? exceptions : [none('exception requests')]));
      setChildren(this.counts, `Waiting: ${open.length} inclusion request${open.length === 1 ? '' : 's'}, ${q.proposals.length} proposal${q.proposals.length === 1 ? '' : 's'}, ${q.exceptionRequests.length} exception request${q.exceptionRequests.length === 1 ? '' : 's'}.`);
    } catch (err) {
      if (mine !== this.loads) return;
      setChildren(this.counts, errorView(err));
    }
  }
}
