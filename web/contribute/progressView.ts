import { field, h, select, setChildren } from './dom';
import { errorView } from './errorView';
import type { PageContext } from './pageContext';
import { legend, pointTotal, progressChart, STATUSES } from './progressChart';
import { ADOPTION_PROGRESS, ITEM_SEARCH, type AdoptionProgress, type ProgressPoint } from './queries';

/** YYYY-MM of `d` shifted by `months`. */
export function monthOf(d: Date, months = 0): string {
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Controlling: how many organisations plan, pilot, use or retired an item, per Land and level over time. */
export class ProgressView {
  readonly panel: HTMLElement;
  private readonly item = h('input', { id: 'progress-item', type: 'text', value: 'bundid', required: true, autocomplete: 'off', list: 'progress-item-options', spellcheck: 'false' });
  private readonly options = h('datalist', { id: 'progress-item-options' });
  private readonly level = select('progress-level', [['', 'all levels'], ['Bund', 'Bund'], ['Land', 'Land'], ['Kommune', 'Kommune']]);
  private readonly from = h('input', { id: 'progress-from', type: 'month', value: monthOf(new Date(), -11), required: true, pattern: '\\d{4}-\\d{2}', placeholder: 'YYYY-MM' });
  private readonly to = h('input', { id: 'progress-to', type: 'month', value: monthOf(new Date()), required: true, pattern: '\\d{4}-\\d{2}', placeholder: 'YYYY-MM' });
  private readonly interval = select('progress-interval', [['month', 'month'], ['quarter', 'quarter']], 'month');
  private readonly show = h('button', { type: 'submit', id: 'progress-show' }, 'Show');
  private readonly chart = h('div', { id: 'progress-chart', 'aria-live': 'polite' });
  private readonly numbers = h('div', { id: 'progress-numbers' });
  private searchTimer: number | undefined;
  /** The number of the latest load: an answer to an older one (slower, arriving later) is dropped. */
  private loads = 0;

  constructor(private readonly ctx: PageContext) {
    const form = h(
      'form',
      { id: 'progress-form', class: 'inline-form' },
      field('Component or standard (id)', this.item, 'e.g. bundid; type a name to search'),
      this.options,
      field('Level', this.level),
      field('From', this.from, 'YYYY-MM'),
      field('To', this.to, 'YYYY-MM'),
      field('Interval', this.interval),
      h('div', { class: 'field actions' }, this.show),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.load();
    });
    this.item.addEventListener('input', () => this.suggest());
    this.panel = h(
      'div',
      {},
      h('p', {}, 'Adoption progress from the organisations’ dated reports: at the end of each period, how many organisations plan, pilot, use or retired the item, per Land and level (the latest report of each organisation counts).'),
      form,
      legend(),
      this.chart,
      h('details', { open: true }, h('summary', {}, 'The numbers as a table'), this.numbers),
    );
  }

  /** Names matching what was typed, as suggestions (a search after a short pause). */
  private suggest(): void {
    window.clearTimeout(this.searchTimer);
    const text = this.item.value.trim();
    if (text.length < 3) return;
    this.searchTimer = window.setTimeout(async () => {
      try {
        const data = await this.ctx.read<{ search: { node: { id: string; name: string; label: string } }[] }>(ITEM_SEARCH, { text });
        setChildren(this.options, ...data.search.map((hit) => h('option', { value: hit.node.id }, `${hit.node.name} (${hit.node.label})`)));
      } catch {
        // suggestions are a convenience; the id typed still works
      }
    }, 250);
  }

  async load(): Promise<void> {
    const mine = ++this.loads;
    setChildren(this.chart, h('p', { class: 'muted' }, 'Loading …'));
    const variables = { item: this.item.value.trim(), level: this.level.value || null, from: this.from.value.trim(), to: this.to.value.trim(), interval: this.interval.value };
    try {
      const { adoptionProgress: p } = await this.ctx.read<{ adoptionProgress: AdoptionProgress }>(ADOPTION_PROGRESS, variables);
      if (mine !== this.loads) return;
      this.render(p, variables.level);
      this.ctx.announce(`Adoption of ${p.item.name}: ${p.series.length} series from ${p.reports} reports.`);
    } catch (err) {
      if (mine !== this.loads) return;
      setChildren(this.chart, errorView(err));
      setChildren(this.numbers);
    }
  }

  private render(p: AdoptionProgress, level: string | null): void {
    const all = [{ land: 'total', landName: 'All', level: level ?? 'all levels', points: p.total }, ...p.series];
    const yMax = Math.max(1, ...all.flatMap((sr) => sr.points.map(pointTotal)));
    const head = h('p', {}, h('strong', {}, p.item.name), ` · ${p.reports} report${p.reports === 1 ? '' : 's'} · ${p.periods[0] ?? ''} to ${p.periods[p.periods.length - 1] ?? ''}`);
    if (p.series.length === 0) {
      setChildren(this.chart, head, h('p', { class: 'muted', id: 'progress-empty' }, 'No organisation reported on this item in these periods (at this level).'));
      setChildren(this.numbers);
      return;
    }
    setChildren(
      this.chart,
      head,
      h(
        'div',
        { class: 'multiples' },
        ...all.map((sr) => h('figure', { class: 'multiple', 'data-land': sr.land, 'data-level': sr.level }, h('figcaption', {}, `${sr.landName} · ${sr.level}`), progressChart(`${sr.landName} · ${sr.level}`, sr.points, yMax))),
      ),
    );
    const row = (land: string, name: string, lvl: string, pt: ProgressPoint): HTMLTableRowElement =>
      h('tr', { 'data-land': land, 'data-level': lvl, 'data-period': pt.period }, h('th', { scope: 'row' }, name), h('td', {}, lvl), h('td', {}, pt.period), ...STATUSES.map((st) => h('td', { class: 'num', 'data-status': st.key }, String(pt[st.key]))));
    setChildren(
      this.numbers,
      h(
        'table',
        { id: 'progress-table', class: 'numbers' },
        h('caption', {}, `Organisations per status at the end of each ${this.interval.value}`),
        h('thead', {}, h('tr', {}, ...['Land', 'Level', 'Period', ...STATUSES.map((st) => st.name)].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, ...all.flatMap((sr) => sr.points.map((pt) => row(sr.land, sr.landName, sr.level, pt)))),
      ),
    );
  }
}
