import { graphql } from '../shared/graphqlClient';
import type { PageConfig } from '../shared/pageConfig';
import { ContributeView } from './contributeView';
import { DSTACK_CRITERIA, type CriterionRef } from './criteria';
import { h, setChildren } from './dom';
import { errorText, isSignInExpired } from './errorView';
import type { PageContext } from './pageContext';
import { ProgressView } from './progressView';
import { PublicView } from './publicView';
import { DSTACK_CRITERIA_QUERY } from './queries';
import { ReviewView } from './reviewView';
import { SignIn } from './signIn';
import { Tabs } from './tabs';

/** The page at /contribute: public requests and decisions, adoption progress, the forms, the review queue. */
export class ContributePage implements PageContext {
  private readonly signIn: SignIn | null;
  private criteriaList: readonly CriterionRef[] = DSTACK_CRITERIA;
  private readonly status = h('div', { id: 'status', role: 'status', 'aria-live': 'polite', class: 'sr-only' });
  private readonly who = h('span', { id: 'who' });
  private readonly signInBtn = h('button', { type: 'button', id: 'sign-in' }, 'Sign in');
  private readonly signOutBtn = h('button', { type: 'button', id: 'sign-out', hidden: true }, 'Sign out');
  private readonly expired = h('div', { id: 'session-expired', role: 'alert', class: 'banner', hidden: true });
  private readonly problem = h('div', { id: 'sign-in-error', role: 'alert', class: 'banner refused', hidden: true });
  private readonly tabs: Tabs;
  private readonly publicView: PublicView;
  private readonly progressView: ProgressView;
  private readonly contributeView: ContributeView;
  private readonly reviewView: ReviewView;
  private progressLoaded = false;

  constructor(
    private readonly config: PageConfig,
    private readonly root: HTMLElement,
  ) {
    this.signIn = config.signIn ? new SignIn(config.signIn) : null;
    this.publicView = new PublicView(this);
    this.progressView = new ProgressView(this);
    this.contributeView = new ContributeView(this, this.signIn !== null, () => this.signInButton('contribute-sign-in'));
    this.reviewView = new ReviewView(this);
    this.tabs = new Tabs(
      [
        { name: 'public', label: 'Requests and decisions', panel: this.publicView.panel },
        { name: 'progress', label: 'Adoption progress', panel: this.progressView.panel },
        { name: 'contribute', label: 'Contribute', panel: this.contributeView.panel },
        { name: 'review', label: 'Review queue', panel: this.reviewView.panel },
      ],
      (name) => this.opened(name),
    );
  }

  read<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    return graphql<T>(this.config.endpoint, query, variables);
  }

  async write<T>(query: string, variables: Record<string, unknown> = {}, options: { readonly import?: boolean } = {}): Promise<T> {
    const endpoint = options.import ? `${this.config.endpoint}/import` : this.config.endpoint;
    try {
      return await graphql<T>(endpoint, query, variables, undefined, this.session()?.accessToken ?? null);
    } catch (err) {
      if (isSignInExpired(err)) this.showExpired();
      throw err;
    }
  }

  session() {
    return this.signIn?.session ?? null;
  }

  criteria(): readonly CriterionRef[] {
    return this.criteriaList;
  }

  announce(text: string): void {
    this.status.textContent = text;
  }

  async start(): Promise<void> {
    this.layout();
    let justSignedIn = false;
    if (this.signIn) {
      this.signIn.onExpired(() => this.showExpired());
      try {
        justSignedIn = (await this.signIn.completeSignIn()) !== null;
      } catch (err) {
        this.problem.hidden = false;
        setChildren(this.problem, h('p', {}, `Signing in failed: ${errorText(err)}`), this.signInButton('sign-in-retry', 'Try again'));
      }
    }
    await this.loadCriteria();
    this.sessionChanged();
    const roles = this.session()?.roles ?? [];
    this.tabs.show(justSignedIn ? (roles.includes('reviewer') && !roles.includes('contributor') ? 'review' : 'contribute') : 'public');
    if (justSignedIn) this.announce(`Signed in as ${this.session()?.name ?? ''}.`);
  }

  private layout(): void {
    this.signInBtn.addEventListener('click', () => void this.goSignIn());
    this.signOutBtn.addEventListener('click', () => void this.goSignOut());
    this.root.replaceChildren(
      h(
        'header',
        { id: 'toolbar' },
        h('a', { href: '/', class: 'brand' }, 'dstack-graph'),
        h('span', { class: 'muted' }, ` Take part ${this.config.version}`),
        h('span', { class: 'spacer' }),
        this.who,
        this.signIn ? this.signInBtn : h('span', { class: 'muted', id: 'read-only' }, 'read-only server: writes are off'),
        this.signOutBtn,
        h('a', { href: '/explore', class: 'nav' }, 'Explorer'),
        h('a', { href: '/graphql', class: 'nav' }, 'Playground'),
      ),
      this.problem,
      this.expired,
      h(
        'main',
        {},
        h('h1', { class: 'sr-only' }, 'Take part in the Deutschland-Stack'),
        this.signIn ? null : h('p', { class: 'notice', id: 'writes-off' }, 'Writes are off: this server has no sign-in configured, so it is read-only. The public views below show every request, decision and report.'),
        this.tabs.list,
        this.tabs.panels,
      ),
      this.status,
    );
  }

  /** The six D-Stack criteria from the API (their names as the graph holds them), else the built-in list. */
  private async loadCriteria(): Promise<void> {
    try {
      const data = await this.read<{ criteria: { edges: { node: CriterionRef }[] } }>(DSTACK_CRITERIA_QUERY);
      const found = data.criteria.edges.map((e) => e.node);
      const byId = new Map(found.map((c) => [c.id, c]));
      if (DSTACK_CRITERIA.every((c) => byId.has(c.id))) this.criteriaList = DSTACK_CRITERIA.map((c) => byId.get(c.id) as CriterionRef);
    } catch {
      // the built-in list stays
    }
  }

  /** Header, tabs and forms for who is signed in now. */
  private sessionChanged(): void {
    const s = this.session();
    this.signInBtn.hidden = s !== null;
    this.signOutBtn.hidden = s === null;
    setChildren(this.who, s ? `${s.name} · ${s.roles.filter((r) => ['contributor', 'reviewer', 'admin'].includes(r)).join(', ') || 'no role'} · ${s.organizations.join(', ') || 'no organisation'}` : '');
    this.tabs.setVisible('review', s?.roles.includes('reviewer') ?? false);
    // A read-only server shows the public views only.
    this.tabs.setVisible('contribute', this.signIn !== null);
    this.contributeView.render();
    if (s) this.expired.hidden = true;
  }

  private opened(name: string): void {
    if (name === 'public') void this.publicView.load();
    if (name === 'progress' && !this.progressLoaded) {
      this.progressLoaded = true;
      void this.progressView.load();
    }
    if (name === 'review') void this.reviewView.load();
  }

  private signInButton(id: string, label = 'Sign in'): HTMLButtonElement {
    const b = h('button', { type: 'button', id }, label);
    b.addEventListener('click', () => void this.goSignIn());
    return b;
  }

  private showExpired(): void {
    if (!this.expired.hidden) return;
    this.expired.hidden = false;
    setChildren(this.expired, h('p', {}, h('strong', {}, 'Your sign-in expired; sign in again.'), ' What you typed on this page is lost when you do (the sign-in reloads the page).'), this.signInButton('sign-in-again', 'Sign in again'));
    this.announce('Your sign-in expired; sign in again.');
  }

  private async goSignIn(): Promise<void> {
    if (!this.signIn) return;
    try {
      await this.signIn.signIn();
    } catch (err) {
      this.problem.hidden = false;
      setChildren(this.problem, h('p', {}, `The identity provider cannot be reached: ${errorText(err)}`));
    }
  }

  private async goSignOut(): Promise<void> {
    if (!this.signIn) return;
    const endSession = this.signIn.signOut(true);
    this.sessionChanged();
    this.announce('Signed out.');
    try {
      await endSession;
    } catch (err) {
      // Signed out here all the same; only the identity provider's session may live on.
      this.problem.hidden = false;
      setChildren(this.problem, h('p', {}, `Signed out on this page; ending the session at the identity provider failed: ${errorText(err)}`));
    }
  }
}
