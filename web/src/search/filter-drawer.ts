import { byId } from '../dom.ts';

const filters = () => byId('filters');
const toggle = () => byId<HTMLButtonElement>('filters-toggle');

/** On a phone the filters open over the results, which come first. */
function openDrawer() {
  filters().classList.add('open');
  toggle().setAttribute('aria-expanded', 'true');
  byId('filters-close').focus();
}

function closeDrawer() {
  if (!filters().classList.contains('open')) return;
  filters().classList.remove('open');
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
