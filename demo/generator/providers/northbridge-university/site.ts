import { composeCourses } from '../../lib/compose.ts';
import { visibleFacts } from '../../lib/facts.ts';
import { jsonLd, markup, page, type Markup } from '../../lib/html.ts';
import type { BuiltSite, DemoCourse, SiteFile } from '../../lib/model.ts';
import { courseJsonLd } from '../../lib/schema-org.ts';
import { plan } from './plan.ts';

const PAGE_SIZE = 16;
const STYLE =
  'body{font-family:Georgia,serif;margin:0;color:#1d1d3b}header,footer{background:#1d1d3b;color:#fff;padding:1rem 2rem}' +
  'header a,footer a{color:#fff}main{max-width:60rem;margin:auto;padding:1rem 2rem}.key-info{display:grid;' +
  'grid-template-columns:repeat(3,1fr);gap:1rem}.course-list li{margin-bottom:1rem}';

const header = markup`<header>
<a class="brand" href="/">Northbridge University</a>
<nav><a href="/courses/">Short courses</a> · <a href="/about.html">About</a> · <a href="/admin/">Staff login</a></nav>
</header>`;
const footer = markup`<footer>
<p>Northbridge University, Oxford Road, Manchester M13 9NB. Registered charity no. 1140000.</p>
<p><a href="/sitemap.xml">Sitemap</a></p>
</footer>`;

function layout(path: string, title: string, description: string, main: Markup, head?: Markup): string {
  return page({ lang: 'en-GB', title, description, path, style: STYLE, header, footer, main, head });
}

const listingPath = (pageNumber: number) => (pageNumber === 1 ? '/courses/' : `/courses/page/${pageNumber}/`);

function listingPage(courses: DemoCourse[], pageNumber: number, pageCount: number): SiteFile {
  const path = listingPath(pageNumber);
  const first = (pageNumber - 1) * PAGE_SIZE;
  const shown = courses.slice(first, first + PAGE_SIZE);
  const itemList = {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    itemListElement: shown.map((course, index) => ({
      '@type': 'ListItem',
      position: first + index + 1,
      url: `__ORIGIN__${course.path}`,
    })),
  };
  const tags = (course: DemoCourse) => [course.mode?.text, course.duration?.text].filter(Boolean).join(' · ');
  const main = markup`<h1>Short courses and micro-credentials</h1>
<p>Showing ${first + 1}–${first + shown.length} of ${courses.length} courses.</p>
<ul class="course-list">
${shown.map(
  (course) => markup`<li><a href="${course.path}">${course.title}</a>
<p>${course.summary}</p>
<span class="tags">${tags(course)}</span></li>
`,
)}</ul>
<nav class="pagination">
${pageNumber > 1 ? markup`<a rel="prev" href="${listingPath(pageNumber - 1)}">Previous</a>` : ''}
<span>Page ${pageNumber} of ${pageCount}</span>
${pageNumber < pageCount ? markup`<a rel="next" href="${listingPath(pageNumber + 1)}">Next</a>` : ''}
</nav>`;
  const title = `Short courses – page ${pageNumber} | Northbridge University`;
  return { path: `${path}index.html`, body: layout(path, title, 'Short courses', main, jsonLd(itemList)) };
}

const LABELS = {
  duration: 'Duration',
  workload: 'Study time',
  mode: 'How you study',
  startDates: 'Start dates',
  cost: 'Fee',
  level: 'Level',
  credit: 'Credits',
  credential: 'Award',
  assessment: 'Assessment',
};

function coursePage(course: DemoCourse, index: number): SiteFile {
  const structured = {
    '@context': 'https://schema.org',
    ...courseJsonLd(course, {
      provider: { '@type': 'CollegeOrUniversity', name: plan.name, sameAs: '__ORIGIN__/' },
      currency: 'GBP',
      venue: 'Northbridge University, Oxford Road campus',
      country: 'GB',
      courseCode: `NBU-SC${String(index + 101)}`,
      offersOnInstance: false,
      variant: index,
    }),
  };
  const main = markup`<nav class="breadcrumb"><a href="/">Home</a> › <a href="/courses/">Short courses</a> › ${course.title}</nav>
<h1>${course.title}</h1>
<p class="summary">${course.summary}</p>
<section class="key-info">
${visibleFacts(course, LABELS).map((fact) => markup`<div><h3>${fact.label}</h3><p>${fact.value}</p></div>\n`)}</section>
<h2>About this course</h2>
${course.description.map((paragraph) => markup`<p>${paragraph}</p>\n`)}<h2>What you will learn</h2>
<ul>${course.outcomes.map((outcome) => markup`<li>${outcome}</li>`)}</ul>
${course.prerequisites ? markup`<h2>Entry requirements</h2><p>${course.prerequisites}</p>` : ''}
<p><a class="button" href="/apply/?course=${course.slug}">Apply now</a></p>`;
  const title = `${course.title} | Northbridge University`;
  return { path: course.path, body: layout(course.path, title, course.summary, main, jsonLd(structured)) };
}

function homePage(courses: DemoCourse[]): SiteFile {
  const main = markup`<h1>Learn something new at Northbridge</h1>
<p>Short courses, CPD and credit-bearing micro-credentials from one of the North West's leading universities.</p>
<p><a href="/courses/">Browse all ${courses.length} short courses</a></p>
<h2>Featured</h2>
<ul>${courses.slice(0, 3).map((course) => markup`<li><a href="${course.path}">${course.title}</a></li>`)}</ul>`;
  return {
    path: '/index.html',
    body: layout('/', 'Northbridge University – Short courses', 'Short courses', main),
  };
}

function simplePage(path: string, title: string, text: string): SiteFile {
  return { path, body: layout(path, title, text, markup`<h1>${title}</h1>\n<p>${text}</p>`) };
}

function sitemap(courses: DemoCourse[]): SiteFile {
  const urls = ['/', '/courses/', ...courses.map((course) => course.path)];
  const entries = urls.map((url) => `  <url><loc>__ORIGIN__${url}</loc><lastmod>2026-11-02</lastmod></url>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('\n')}
</urlset>
`;
  return { path: '/sitemap.xml', body };
}

const robots: SiteFile = {
  path: '/robots.txt',
  body: `# Northbridge University web team
User-agent: *
Disallow: /admin/
Disallow: /apply/

Sitemap: __ORIGIN__/sitemap.xml
`,
};

/** A university site: schema.org JSON-LD course pages, a paginated listing, robots.txt and a sitemap. */
export function buildNorthbridgeUniversity(): BuiltSite {
  const courses = composeCourses(plan);
  const pageCount = Math.ceil(courses.length / PAGE_SIZE);
  const about = 'Founded in 1887, Northbridge teaches 31,000 students in Manchester.';
  const files = [
    homePage(courses),
    ...Array.from({ length: pageCount }, (_, index) => listingPage(courses, index + 1, pageCount)),
    ...courses.map(coursePage),
    simplePage('/about.html', 'About Northbridge University', about),
    simplePage('/admin/index.html', 'Staff sign-in', 'This area is for Northbridge staff only.'),
    sitemap(courses),
    robots,
  ];
  return { courses, files };
}
