import { h, setChildren } from './dom';
import { errorView } from './errorView';
import type { PageContext } from './pageContext';
import { PUBLIC_REQUESTS, type InclusionRequest } from './queries';
import { requestCard } from './requestCard';

/** The public part, no sign-in needed: every inclusion request with its decision, and the negative list. */
export class PublicView {
  readonly panel: HTMLElement;
  private readonly requests = h('div', { id: 'requests', 'aria-live': 'polite' });
  private readonly notIncluded = h('div', { id: 'not-included', 'aria-live': 'polite' });
  /** The number of the latest load: an answer to an older one is dropped. */
  private loads = 0;

  constructor(private readonly ctx: PageContext) {
    const refresh = h('button', { type: 'button', id: 'public-refresh' }, 'Reload');
    refresh.addEventListener('click', () => void this.load());
    this.panel = h(
      'div',
      {},
      h('p', {}, 'Requests to include a component or standard in the Deutschland-Stack, each with the requester’s self-assessment on the six D-Stack criteria and the reviewers’ reasoned decision. ', refresh),
      h('section', { 'aria-labelledby': 'not-included-title' }, h('h2', { id: 'not-included-title' }, 'Not included (negative list)'), this.notIncluded),
      h('section', { 'aria-labelledby': 'requests-title' }, h('h2', { id: 'requests-title' }, 'All inclusion requests'), this.requests),
    );
  }

  async load(): Promise<void> {
    const mine = ++this.loads;
    setChildren(this.requests, h('p', { class: 'muted' }, 'Loading …'));
    try {
      const data = await this.ctx.read<{ inclusionRequests: InclusionRequest[]; notIncluded: InclusionRequest[] }>(PUBLIC_REQUESTS);
      if (mine !== this.loads) return;
      setChildren(this.notIncluded, data.notIncluded.length > 0 ? h('div', { class: 'cards' }, ...data.notIncluded.map((r) => requestCard(r))) : h('p', { class: 'muted' }, 'Nothing was rejected or deferred so far.'));
      setChildren(this.requests, data.inclusionRequests.length > 0 ? h('div', { class: 'cards' }, ...data.inclusionRequests.map((r) => requestCard(r))) : h('p', { class: 'muted' }, 'No inclusion requests yet.'));
      this.ctx.announce(`${data.inclusionRequests.length} inclusion requests, ${data.notIncluded.length} not included.`);
    } catch (err) {
      if (mine !== this.loads) return;
      setChildren(this.requests, errorView(err));
      setChildren(this.notIncluded);
    }
  }
}
