/** Markup that is already safe to embed; everything else interpolated into `markup` is escaped. */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = string | number | Markup | null | undefined | false | Part[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (part instanceof Markup) return part.value;
  return escapeHtml(String(part));
}

/** Named `markup`, not `html`, so Prettier leaves the templates' whitespace exactly as written. */
export function markup(strings: TemplateStringsArray, ...values: Part[]): Markup {
  const text = strings.reduce(
    (out, part, index) => out + (index > 0 ? render(values[index - 1]) : '') + part,
    '',
  );
  return new Markup(text);
}

/** JSON-LD inside <script>: `<` is escaped so text such as "</script>" cannot end the element. */
export function jsonLd(data: unknown): Markup {
  const json = JSON.stringify(data, null, 2).replace(/</g, '\\u003c');
  return new Markup(`<script type="application/ld+json">\n${json}\n</script>`);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "18 January 2027", or "January 18, 2027" in US style. */
export function humanDate(iso: string, style: 'dmy' | 'mdy' = 'dmy'): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const monthName = MONTHS[month - 1]!;
  return style === 'mdy' ? `${monthName} ${day}, ${year}` : `${day} ${monthName} ${year}`;
}

export interface PageOptions {
  lang: string;
  title: string;
  description: string;
  path: string;
  style: string;
  head?: Markup;
  header: Markup;
  main: Markup;
  footer: Markup;
}

/** A complete HTML document; absolute URLs use __ORIGIN__, which the demo server replaces. */
export function page(options: PageOptions): string {
  const document = markup`<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<meta name="description" content="${options.description}">
<link rel="canonical" href="__ORIGIN__${options.path}">
<style>${new Markup(options.style)}</style>
${options.head}
</head>
<body>
${options.header}
<main>
${options.main}
</main>
${options.footer}
</body>
</html>`;
  return `${document.value}\n`;
}

/** The path of the file that serves a URL path: directories are served by their index.html. */
export function filePath(urlPath: string): string {
  const withoutFragment = urlPath.split('#')[0]!;
  return withoutFragment.endsWith('/') ? `${withoutFragment}index.html` : withoutFragment;
}
