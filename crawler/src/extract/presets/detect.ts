import { rawText, type PageElements } from '../page-elements.ts';
import type { Detection, Preset, Signal } from './preset.ts';

/** What the presets look for in a page's elements: their class names, ids and attribute values. */
interface Wanted {
  /** matches a class attribute that may hold a class some preset looks for */
  classes: RegExp;
  ids: RegExp;
  attributes: readonly string[];
}

/** The class names, ids and attribute values of a page that some preset looks for, gathered in one walk. */
interface PageMarkers {
  classes: ReadonlySet<string>;
  ids: ReadonlySet<string>;
  attributes: ReadonlySet<string>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NOTHING = /(?!)/;
const wantedBy = new WeakMap<readonly Preset[], Wanted>();

/**
 * One pattern for every class and one for every id the presets name: most elements of a page carry none of them,
 * and one test of an attribute costs far less than splitting every class list into a set. Patterns are used
 * unanchored, a looser test than the signal's own, which is checked afterwards.
 */
function wantedMarkers(presets: readonly Preset[]): Wanted {
  let wanted = wantedBy.get(presets);
  if (wanted) return wanted;
  const signals = presets.flatMap(({ detect }) => [...(detect.all ?? []), ...detect.any]);
  const unanchored = (pattern: RegExp) => pattern.source.replace(/^\^|\$$/g, '');
  const alternation = (parts: string[]) => (parts.length > 0 ? new RegExp(parts.join('|')) : NOTHING);
  wanted = {
    classes: alternation(
      signals.flatMap((signal) =>
        'className' in signal
          ? [escape(signal.className)]
          : 'classMatching' in signal
            ? [unanchored(signal.classMatching)]
            : [],
      ),
    ),
    ids: alternation(
      signals.flatMap((signal) =>
        'id' in signal ? [escape(signal.id)] : 'idMatching' in signal ? [unanchored(signal.idMatching)] : [],
      ),
    ),
    attributes: [...new Set(signals.flatMap((signal) => ('attribute' in signal ? [signal.attribute] : [])))],
  };
  wantedBy.set(presets, wanted);
  return wanted;
}

function pageMarkers(page: PageElements, wanted: Wanted): PageMarkers {
  const classes = new Set<string>();
  const ids = new Set<string>();
  const attributes = new Set<string>();
  for (const { attribs } of page.all) {
    const { class: className, id } = attribs;
    if (className && wanted.classes.test(className))
      for (const name of className.split(/\s+/)) if (name) classes.add(name);
    if (id && wanted.ids.test(id)) ids.add(id);
    for (const name of wanted.attributes) {
      const value = attribs[name];
      if (value !== undefined) attributes.add(`${name}=${value}`);
    }
  }
  return { classes, ids, attributes };
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
    markers ??= pageMarkers(page, wantedMarkers(presets));
    if ('attribute' in signal) return markers.attributes.has(`${signal.attribute}=${signal.value}`);
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
