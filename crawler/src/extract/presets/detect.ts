import { rawText, type PageElements } from '../page-elements.ts';
import type { Detection, Preset, Signal } from './preset.ts';

/** The class names and ids a page uses, gathered in one walk over the elements the parser already indexed. */
interface PageMarkers {
  classes: ReadonlySet<string>;
  ids: ReadonlySet<string>;
}

function pageMarkers(page: PageElements): PageMarkers {
  const classes = new Set<string>();
  const ids = new Set<string>();
  for (const element of page.all) {
    const { class: className, id } = element.attribs;
    if (className) for (const name of className.split(/\s+/)) if (name) classes.add(name);
    if (id) ids.add(id);
  }
  return { classes, ids };
}

/**
 * The first preset whose detection rules the page meets, in the order given (more specific platforms first:
 * Tutor LMS and LearnDash pages are WooCommerce pages too). Works on the page the crawler already parsed.
 */
export function detectPreset(
  page: PageElements,
  pageUrl: string,
  presets: readonly Preset[],
): Preset | undefined {
  let markers: PageMarkers | undefined;
  const metas = page.byTag('meta');
  const meta = (name: string) =>
    metas.find((element) => element.attribs.name?.toLowerCase() === name)?.attribs.content ?? '';
  const holds = (signal: Signal): boolean => {
    if ('generator' in signal) return signal.generator.test(meta('generator'));
    if ('meta' in signal) return signal.content.test(meta(signal.meta));
    if ('url' in signal) return signal.url.test(pageUrl);
    if ('title' in signal) {
      const title = page.byTag('title')[0];
      return title !== undefined && signal.title.test(rawText(title));
    }
    if ('attribute' in signal)
      return page.all.some((element) => element.attribs[signal.attribute] === signal.value);
    markers ??= pageMarkers(page);
    if ('className' in signal) return markers.classes.has(signal.className);
    if ('id' in signal) return markers.ids.has(signal.id);
    const names = 'classMatching' in signal ? markers.classes : markers.ids;
    const pattern = 'classMatching' in signal ? signal.classMatching : signal.idMatching;
    for (const name of names) if (pattern.test(name)) return true;
    return false;
  };
  const detected = (rules: Detection) => (rules.all ?? []).every(holds) && rules.any.some(holds);
  return presets.find((preset) => detected(preset.detect));
}
