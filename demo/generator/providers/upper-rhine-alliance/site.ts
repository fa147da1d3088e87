import { composeCourses } from '../../lib/compose.ts';
import { languageName } from '../../lib/facts.ts';
import { humanDate, markup, page, type Markup } from '../../lib/html.ts';
import type { BuiltSite, DemoCourse, SiteFile } from '../../lib/model.ts';
import { plan } from './plan.ts';
import { themes } from './topics.ts';

const STYLE =
  'body{font-family:"Segoe UI",sans-serif;margin:0;color:#1b2b34}header{background:#003d7c;color:#fff;padding:1rem 2rem}' +
  'header a{color:#fff}main{max-width:64rem;margin:auto;padding:1rem 2rem}article.course{border-top:1px solid #ccd;' +
  'padding:1rem 0}ul.meta{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding:0;list-style:none}';
const PARTNERS = [
  'Albert-Ludwigs-Universität Freiburg',
  'Université de Strasbourg',
  'Universität Basel',
  'Karlsruher Institut für Technologie',
  'Universitat de València',
];

const header = markup`<header><a href="/">Upper Rhine Micro-credential Alliance</a>
<nav><a href="/offer/">Our offer</a> · <a href="/partners.html">Partners</a></nav></header>`;
const footer = markup`<footer><p>Upper Rhine Micro-credential Alliance · Geschäftsstelle: Fahnenbergplatz, 79098 Freiburg im Breisgau · Co-funded by the European Union</p></footer>`;

function layout(path: string, title: string, description: string, main: Markup): string {
  return page({ lang: 'en', title, description, path, style: STYLE, header, footer, main });
}

/** The labelled facts a selector map reads by class; the labels also suit text heuristics. */
function meta(course: DemoCourse): Markup {
  const item = (className: string, label: string, value: string | null | undefined) =>
    value ? markup`<li class="${className}"><strong>${label}:</strong> ${value}</li>\n` : '';
  const start = course.startDates[0];
  const startItem = start
    ? markup`<li class="start"><strong>Start:</strong> <time datetime="${start}">${humanDate(start)}</time></li>\n`
    : '';
  return markup`<ul class="meta">
${[
  item('duration', 'Duration', course.duration?.text),
  item('workload', 'Workload', course.workload?.text),
  item('cost', 'Fee', course.cost?.text),
  item('mode', 'Format', course.mode?.text),
  item('location', 'Location', course.mode?.city),
  item('level', 'Level', course.level),
  item('credit', 'Credits', course.credit?.text),
  item('credential', 'Credential', course.credential),
  item('assessment', 'Assessment', course.assessment),
  item('language', 'Language', course.languages.map(languageName).join(', ')),
  startItem,
]}</ul>`;
}

function article(course: DemoCourse, index: number): Markup {
  const hosts = [PARTNERS[index % PARTNERS.length]!, PARTNERS[(index + 2) % PARTNERS.length]!];
  const outcomes = course.outcomes.map((outcome) => markup`<li>${outcome}</li>`);
  return markup`<article class="course" id="${course.slug}">
<h2 class="course-title"><a href="#${course.slug}">${course.title}</a></h2>
<p class="partners">Offered by ${hosts.join(' and ')}</p>
<p class="summary">${course.summary}</p>
${meta(course)}
<div class="description">
${course.description.slice(1).map((paragraph) => markup`<p>${paragraph}</p>\n`)}</div>
<details><summary>Learning outcomes</summary><ul class="outcomes">${outcomes}</ul></details>
${course.prerequisites ? markup`<p class="prerequisites">Admission: ${course.prerequisites}</p>` : ''}
<p><a class="apply" href="/apply/?course=${course.slug}">Apply</a></p>
</article>
`;
}

function themePage(slug: string, name: string, courses: DemoCourse[], offset: number): SiteFile {
  const path = `/offer/${slug}.html`;
  const main = markup`<p><a href="/offer/">Our offer</a> › ${name}</p>
<h1>${name}</h1>
<p>${courses.length} micro-credentials in this theme.</p>
${courses.map((course, index) => article(course, offset + index))}`;
  return { path, body: layout(path, `${name} | Upper Rhine Micro-credential Alliance`, name, main) };
}

function offerPage(): SiteFile {
  const items = themes.map(
    (theme) =>
      markup`<li><a href="/offer/${theme.slug}.html">${theme.name}</a> (${theme.topics.length} courses)</li>`,
  );
  const main = markup`<h1>Our offer</h1>
<p>Micro-credentials from the universities of the Upper Rhine, recognised across the alliance.</p>
<ul>${items}</ul>`;
  return { path: '/offer/index.html', body: layout('/offer/', 'Our offer', 'Micro-credentials', main) };
}

/** A partnership: plain HTML theme pages that each list several courses in `<article class="course">`. */
export function buildUpperRhineAlliance(): BuiltSite {
  const courses = composeCourses(plan);
  const files: SiteFile[] = [offerPage()];
  let offset = 0;
  for (const theme of themes) {
    files.push(
      themePage(theme.slug, theme.name, courses.slice(offset, offset + theme.topics.length), offset),
    );
    offset += theme.topics.length;
  }
  const home = markup`<h1>Upper Rhine Micro-credential Alliance</h1>
<p>Five universities in Germany, France, Switzerland and Spain offer joint micro-credentials with ECTS credits.</p>
<p><a href="/offer/">Browse the offer</a></p>`;
  const partners = markup`<h1>Partners</h1>\n<ul>${PARTNERS.map((partner) => markup`<li>${partner}</li>`)}</ul>`;
  files.push({
    path: '/index.html',
    body: layout('/', 'Upper Rhine Micro-credential Alliance', 'Home', home),
  });
  files.push({ path: '/partners.html', body: layout('/partners.html', 'Partners', 'Partners', partners) });
  return { courses, files };
}
