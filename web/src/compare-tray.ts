import { el } from './dom.ts';

/** The most courses or providers one comparison holds (as the API's compare route). */
export const MOST_COMPARED = 4;

export type TrayKind = 'courses' | 'providers';
export interface TrayItem {
  id: string;
  name: string;
}

const NOUN: Record<TrayKind, [string, string]> = {
  courses: ['course', 'courses'],
  providers: ['provider', 'providers'],
};
const storageKey = (kind: TrayKind) => `shortlist.compare.${kind}`;

/** What is in a tray: kept in localStorage, so it stays from page to page and tab to tab. */
export function trayItems(kind: TrayKind): TrayItem[] {
  try {
    const items: unknown = JSON.parse(localStorage.getItem(storageKey(kind)) ?? '[]');
    if (!Array.isArray(items)) return [];
    return (items as Partial<TrayItem>[])
      .filter((item): item is TrayItem => typeof item?.id === 'string' && typeof item?.name === 'string')
      .slice(0, MOST_COMPARED);
  } catch {
    return [];
  }
}

function save(kind: TrayKind, items: TrayItem[]) {
  localStorage.setItem(storageKey(kind), JSON.stringify(items));
  window.dispatchEvent(new CustomEvent('tray-change', { detail: kind }));
}

export const inTray = (kind: TrayKind, id: string) => trayItems(kind).some((item) => item.id === id);

/** Adds an item, or takes it out when it is there; says why when the tray is full. */
export function toggleInTray(kind: TrayKind, item: TrayItem): string {
  const items = trayItems(kind);
  const [one, many] = NOUN[kind];
  if (items.some((other) => other.id === item.id)) {
    save(
      kind,
      items.filter((other) => other.id !== item.id),
    );
    return `${item.name} taken out of the comparison`;
  }
  if (items.length >= MOST_COMPARED)
    return `The comparison holds ${MOST_COMPARED} ${many}: take one out before adding another ${one}`;
  save(kind, [...items, item]);
  return `${item.name} added to the comparison (${items.length + 1} of ${MOST_COMPARED})`;
}

export const compareUrl = (kind: TrayKind, ids: string[]) =>
  `/compare.html?${kind}=${ids.map(encodeURIComponent).join(',')}`;

function paintButton(button: HTMLButtonElement) {
  const kind = button.dataset.kind as TrayKind;
  const pressed = inTray(kind, button.dataset.id ?? '');
  button.setAttribute('aria-pressed', String(pressed));
  // the visible words begin the accessible name, which says which course it is
  button.replaceChildren(
    pressed ? 'In comparison ✓' : 'Add to compare',
    el('span', { class: 'visually-hidden' }, `: ${button.dataset.name ?? ''}`),
  );
}

/** A button that adds a course or provider to its tray, pressed while it is in it. */
export function trayButton(kind: TrayKind, item: TrayItem): HTMLButtonElement {
  const button = el('button', {
    type: 'button',
    class: 'tray-toggle',
    'data-kind': kind,
    'data-id': item.id,
    'data-name': item.name,
  });
  button.addEventListener('click', () => announce(toggleInTray(kind, item)));
  paintButton(button);
  return button;
}

function announce(message: string) {
  const status = document.getElementById('tray-status');
  if (status) status.textContent = message;
}

function trayList(kind: TrayKind): HTMLElement | null {
  const items = trayItems(kind);
  if (items.length === 0) return null;
  const [one, many] = NOUN[kind];
  const link =
    items.length >= 2
      ? el('a', { class: 'button', href: compareUrl(kind, items.map((item) => item.id)) }, `Compare ${items.length} ${many}`) // prettier-ignore
      : el('span', { class: 'hint' }, `Add another ${one} to compare`);
  return el(
    'div',
    { class: 'tray-row' },
    el(
      'ul',
      { class: 'tray-items', 'aria-label': `${many} to compare` },
      ...items.map((item) => {
        const remove = el('button', { type: 'button', 'aria-label': `Take ${item.name} out of the comparison` }, '×'); // prettier-ignore
        remove.addEventListener('click', () => announce(toggleInTray(kind, item)));
        return el('li', {}, el('span', { class: 'tray-name' }, item.name), remove);
      }),
    ),
    link,
  );
}

/** The tray bar at the foot of every page: what is chosen, and the link to compare it. */
export function mountTray() {
  const bar = el('aside', { id: 'tray', class: 'tray', 'aria-label': 'Comparison tray' });
  const status = el('p', { id: 'tray-status', class: 'visually-hidden', role: 'status' });
  document.body.append(bar, status);
  const paint = () => {
    const rows = (['courses', 'providers'] as const).map(trayList).filter((row) => row !== null);
    bar.replaceChildren(...rows);
    bar.hidden = rows.length === 0;
    document.body.classList.toggle('with-tray', rows.length > 0);
    for (const button of document.querySelectorAll<HTMLButtonElement>('.tray-toggle')) paintButton(button);
  };
  window.addEventListener('tray-change', paint);
  window.addEventListener('storage', paint);
  paint();
}
