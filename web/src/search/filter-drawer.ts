import { byId } from '../dom.ts';

const filters = () => byId('filters');
const toggle = () => byId<HTMLButtonElement>('filters-toggle');

/** On a phone the filters open over the results, which come first. */
/** While the drawer is open, the page behind it takes no focus and no clicks. */
function setBehindInert(inert: boolean) {
  for (const behind of document.querySelectorAll<HTMLElement>(
    '.site-header, #search-form, .toolbar, #chips, #browse, #results-region, #tray',
  ))
    behind.inert = inert;
}

function openDrawer() {
  setBehindInert(true);
  filters().classList.add('open');
  toggle().setAttribute('aria-expanded', 'true');
  byId('filters-close').focus();
}

function closeDrawer() {
  if (!filters().classList.contains('open')) return;
  filters().classList.remove('open');
  setBehindInert(false);
  toggle().setAttribute('aria-expanded', 'false');
  toggle().focus();
}

export function wireDrawer() {
  toggle().addEventListener('click', () =>
    filters().classList.contains('open') ? closeDrawer() : openDrawer(),
  );
  byId('filters-close').addEventListener('click', closeDrawer);
  filters().addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeDrawer();
  });
}
