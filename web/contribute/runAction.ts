import { h, setChildren, type Child } from './dom';
import { errorView } from './errorView';

/**
 * Runs one user action behind `button`: the button is disabled while it runs, `out` shows
 * "Sending …", then what `act` returns, or the refusal (message, code, problems) as an alert.
 */
export async function runAction(button: HTMLButtonElement, out: HTMLElement, act: () => Promise<Child | Child[]>): Promise<boolean> {
  button.disabled = true;
  out.setAttribute('aria-busy', 'true');
  setChildren(out, h('p', { class: 'muted' }, 'Sending …'));
  try {
    const shown = await act();
    setChildren(out, ...(Array.isArray(shown) ? shown : [shown]));
    return true;
  } catch (err) {
    setChildren(out, errorView(err));
    return false;
  } finally {
    button.disabled = false;
    out.removeAttribute('aria-busy');
  }
}

/** A success line: <p class="ok" role="status">text</p>. */
export const ok = (...text: Child[]): HTMLParagraphElement => h('p', { class: 'ok', role: 'status' }, ...text);
