import { h } from './dom';

/** One tab: its button id (tab-<name>), its label and its panel. */
export interface TabSpec {
  readonly name: string;
  readonly label: string;
  readonly panel: HTMLElement;
}

/**
 * Tabs after the WAI-ARIA pattern: a tablist of buttons (arrow keys, Home and End move between the
 * visible ones), one tabpanel each; `onShow` runs when a tab is opened.
 */
export class Tabs {
  readonly list: HTMLElement;
  readonly panels: HTMLElement;
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private readonly wrappers = new Map<string, HTMLElement>();
  current = '';

  constructor(specs: readonly TabSpec[], private readonly onShow: (name: string) => void) {
    this.list = h('div', { role: 'tablist', 'aria-label': 'Sections', class: 'tabs' });
    this.panels = h('div', { class: 'panels' });
    for (const t of specs) {
      const button = h('button', { type: 'button', role: 'tab', id: `tab-${t.name}`, 'aria-controls': `panel-${t.name}`, 'aria-selected': 'false', tabindex: -1 }, t.label);
      const wrapper = h('section', { role: 'tabpanel', id: `panel-${t.name}`, 'aria-labelledby': `tab-${t.name}`, tabindex: 0, hidden: true }, t.panel);
      button.addEventListener('click', () => this.show(t.name));
      button.addEventListener('keydown', (e) => this.key(e, t.name));
      this.buttons.set(t.name, button);
      this.wrappers.set(t.name, wrapper);
      this.list.append(button);
      this.panels.append(wrapper);
    }
  }

  /** Opens tab `name` (and tells onShow). */
  show(name: string): void {
    if (!this.buttons.has(name)) return;
    this.current = name;
    for (const [n, b] of this.buttons) {
      const on = n === name;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      (this.wrappers.get(n) as HTMLElement).hidden = !on;
    }
    this.onShow(name);
  }

  /** Shows or hides a tab (a hidden tab that was open gives way to the first one). */
  setVisible(name: string, visible: boolean): void {
    const b = this.buttons.get(name);
    if (!b) return;
    b.hidden = !visible;
    if (!visible && this.current === name) this.show([...this.buttons.keys()][0] as string);
  }

  private key(e: KeyboardEvent, name: string): void {
    const visible = [...this.buttons.entries()].filter(([, b]) => !b.hidden).map(([n]) => n);
    const i = visible.indexOf(name);
    const next = e.key === 'ArrowRight' ? visible[(i + 1) % visible.length] : e.key === 'ArrowLeft' ? visible[(i - 1 + visible.length) % visible.length] : e.key === 'Home' ? visible[0] : e.key === 'End' ? visible[visible.length - 1] : undefined;
    if (next === undefined) return;
    e.preventDefault();
    this.show(next);
    this.buttons.get(next)?.focus();
  }
}
