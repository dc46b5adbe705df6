/**
 * One tab stop for a panel's time buttons. The messages, decisions and
 * objectives panels each hold dozens of buttons that jump to a time; with
 * one tab stop each, Tab crossed all of them before reaching the timeline.
 * Here a panel's time buttons are one stop (the roving tabindex of the
 * WAI-ARIA Authoring Practices): Tab enters at one button and the next Tab
 * leaves the panel; ↑ ↓ move to the previous or next time button, Home and End
 * to the first and last; Enter or Space jumps to the time (the button's own
 * click). The stop stays where the reviewer left it, but a seek while the
 * keyboard is elsewhere moves the messages panel's to the message of the moment.
 */

const SELECTOR = 'button.time';

/** Listen for the keys in this panel (once: the panel's content is replaced, the panel stays). */
export function rovingTimes(panel: HTMLElement): void {
  panel.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const at = (e.target as Element).closest?.(SELECTOR);
    if (!at || !panel.contains(at)) return;
    // a time not shown yet (an outcome still to come: see updateMessages) is no stop
    const all = [...panel.querySelectorAll<HTMLButtonElement>(SELECTOR)].filter((b) => b === at || !b.closest('[hidden]'));
    const i = all.indexOf(at as HTMLButtonElement);
    const j = e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : e.key === 'ArrowDown' ? Math.min(all.length - 1, i + 1) : Math.max(0, i - 1);
    // the page's own Home, End (start and end of the run) and the panel's scrolling do not apply here
    e.preventDefault();
    e.stopPropagation();
    moveStop(panel, all[j]);
    all[j].focus();
  });
  // a button clicked, or reached otherwise, becomes the stop
  panel.addEventListener('focusin', (e) => {
    const b = (e.target as Element).closest?.(SELECTOR);
    if (b && panel.contains(b)) moveStop(panel, b as HTMLButtonElement);
  });
}

/** Make `to` the panel's one tab stop. */
export function moveStop(panel: HTMLElement, to: HTMLElement): void {
  if (to.tabIndex === 0) return;
  for (const b of panel.querySelectorAll<HTMLElement>(`${SELECTOR}[tabindex="0"]`)) b.tabIndex = -1;
  to.tabIndex = 0;
}

/** Does the keyboard focus lie in this panel? */
export function focusedIn(panel: HTMLElement): boolean {
  const a = document.activeElement;
  return a !== null && a !== document.body && panel.contains(a);
}

/**
 * Replace a panel's content (`render`) and give it its one tab stop again: the button the keyboard was on, if the
 * content still has one at the same place (the focus stays on it), else the one the stop was on, else `prefer`'s
 * choice, else the first. Every time button is made with tabindex -1 (see panels.ts timeButton).
 */
export function rerender(panel: HTMLElement, render: () => void, prefer?: () => HTMLElement | null): void {
  const before = [...panel.querySelectorAll<HTMLElement>(SELECTOR)];
  const focused = focusedIn(panel) ? before.indexOf(document.activeElement as HTMLElement) : -1;
  const stop = before.findIndex((b) => b.tabIndex === 0);
  render();
  const after = panel.querySelectorAll<HTMLElement>(SELECTOR);
  if (!after.length) return;
  const keep = focused >= 0 ? focused : stop;
  const to = (keep >= 0 ? after[Math.min(keep, after.length - 1)] : null) ?? prefer?.() ?? after[0];
  to.tabIndex = 0;
  if (focused >= 0) to.focus();
}
