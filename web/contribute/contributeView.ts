import { correctionForm } from './correctionForm';
import { h, setChildren } from './dom';
import { exceptionForm } from './exceptionForm';
import { importForm } from './importForm';
import { inclusionForm } from './inclusionForm';
import type { PageContext } from './pageContext';

/** The writing part (role contributor): a correction, an inclusion request, an exception request, a CSV of reports. */
export class ContributeView {
  readonly panel = h('div', {});

  constructor(
    private readonly ctx: PageContext,
    private readonly writesOn: boolean,
    private readonly signInButton: () => HTMLButtonElement,
  ) {}

  /** Builds the forms for the current session (again after a sign-in or sign-out). */
  render(): void {
    const session = this.ctx.session();
    if (!this.writesOn) {
      setChildren(this.panel, h('p', { class: 'notice' }, 'Writes are off: this server has no sign-in configured, so it is read-only.'));
      return;
    }
    if (!session) {
      setChildren(this.panel, h('p', { class: 'notice' }, 'Sign in to take part: file corrections, request inclusions and exceptions, and report your organisation’s adoption. ', this.signInButton()));
      return;
    }
    const section = (id: string, title: string, intro: string, body: HTMLElement): HTMLElement =>
      h('section', { id, 'aria-labelledby': `${id}-title`, class: 'card' }, h('h2', { id: `${id}-title` }, title), h('p', { class: 'muted' }, intro), body);
    setChildren(
      this.panel,
      session.roles.includes('contributor') ? null : h('p', { class: 'notice', role: 'note', id: 'no-contributor' }, `Your sign-in has no role contributor (it has ${session.roles.filter((r) => ['contributor', 'reviewer', 'admin'].includes(r)).join(', ') || 'no role of this API'}): the API will refuse these forms.`),
      h(
        'nav',
        { 'aria-label': 'Forms', class: 'toc' },
        h('a', { href: '#contribute-import' }, 'Adoption or use CSV'),
        h('a', { href: '#contribute-inclusion' }, 'Inclusion request'),
        h('a', { href: '#contribute-exception' }, 'Exception request'),
        h('a', { href: '#contribute-correction' }, 'Correction'),
      ),
      section('contribute-import', 'Report adoption or use (CSV)', 'Check the file first: the dry run shows every problem by line and column, or what would change.', importForm(this.ctx, session.organizations)),
      section('contribute-inclusion', 'Request an inclusion', 'Ask to include a component or standard in a stack, with your self-assessment on the six D-Stack criteria.', inclusionForm(this.ctx)),
      section('contribute-exception', 'Request an exception', 'An exception from a MUSS or SOLL requirement, with a justification and an end date.', exceptionForm(this.ctx)),
      section('contribute-correction', 'Propose a correction', 'A change set against the graph, with the sources it rests on; a reviewer accepts or rejects it.', correctionForm(this.ctx)),
    );
  }
}
