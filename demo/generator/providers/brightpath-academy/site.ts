import { composeCourses } from '../../lib/compose.ts';
import { visibleFacts } from '../../lib/facts.ts';
import { jsonLd, markup, page, type Markup } from '../../lib/html.ts';
import type { BuiltSite, DemoCourse, SiteFile } from '../../lib/model.ts';
import { courseJsonLd } from '../../lib/schema-org.ts';
import { plan } from './plan.ts';

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:0;background:#0b1020;color:#e8ecff}a{color:#8ab4ff}' +
  'main{max-width:70rem;margin:auto;padding:2rem}.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:1rem}' +
  '.card{background:#161d36;padding:1rem;border-radius:8px}.facts li{list-style:none}';
const ORGANIZATION = '__ORIGIN__/#organization';

const header = markup`<header><a class="logo" href="/">Brightpath Academy</a>
<nav><a href="/catalog/">Catalog</a> <a href="/for-teams/">For teams</a> <a href="/login">Log in</a></nav></header>`;
const footer = markup`<footer><p>© 2026 Brightpath Systems, Inc. · 500 Congress Ave, Austin, TX 78701</p></footer>`;

function layout(path: string, title: string, description: string, main: Markup, head?: Markup): string {
  return page({ lang: 'en-US', title, description, path, style: STYLE, header, footer, main, head });
}

function catalogPage(courses: DemoCourse[]): SiteFile {
  const meta = (course: DemoCourse) =>
    [course.level, course.duration?.text, course.cost?.text].filter(Boolean).join(' | ');
  const main = markup`<h1>Course catalog</h1>
<p>${courses.length} courses in cloud, data, security, AI and product.</p>
<div class="cards">
${courses.map(
  (course) => markup`<div class="card">
<h2><a href="${course.path}">${course.title}</a></h2>
<p>${course.summary}</p>
<p class="meta">${meta(course)}</p>
</div>
`,
)}</div>`;
  return {
    path: '/catalog/index.html',
    body: layout('/catalog/', 'Catalog | Brightpath Academy', 'All courses', main),
  };
}

const LABELS = {
  mode: 'Format',
  duration: 'Length',
  workload: 'Effort',
  cost: 'Price',
  level: 'Level',
  startDates: 'Next cohorts',
  credential: 'Credential',
  assessment: 'Assessment',
  credit: 'Credit',
};

function coursePage(course: DemoCourse, index: number): SiteFile {
  // One @graph holds the organization, the page's breadcrumbs and the course, linked by @id.
  const graph = {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'Organization',
        '@id': ORGANIZATION,
        name: plan.name,
        url: '__ORIGIN__/',
        parentOrganization: { '@type': 'Corporation', name: 'Brightpath Systems, Inc.' },
      },
      {
        '@type': 'BreadcrumbList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, name: 'Catalog', item: '__ORIGIN__/catalog/' },
          { '@type': 'ListItem', position: 2, name: course.title, item: `__ORIGIN__${course.path}` },
        ],
      },
      courseJsonLd(course, {
        provider: { '@id': ORGANIZATION },
        currency: 'USD',
        venue: 'Brightpath HQ',
        country: 'US',
        courseCode: `BP-${(index + 200).toString(36).toUpperCase()}`,
        offersOnInstance: true,
        variant: index,
      }),
    ],
  };
  const facts = visibleFacts(course, LABELS, 'mdy');
  const main = markup`<p class="crumbs"><a href="/catalog/">Catalog</a> / ${course.title}</p>
<h1>${course.title}</h1>
<p class="tagline">${course.summary}</p>
<ul class="facts">${facts.map((fact) => markup`<li><b>${fact.label}:</b> ${fact.value}</li>`)}</ul>
<h2>Overview</h2>
${course.description.map((paragraph) => markup`<p>${paragraph}</p>\n`)}<h2>Skills you'll gain</h2>
<ul>${course.outcomes.map((outcome) => markup`<li>${outcome}</li>`)}</ul>
${course.prerequisites ? markup`<h2>Prerequisites</h2><p>${course.prerequisites}</p>` : ''}
<a class="cta" href="/checkout?course=${course.slug}">Enroll now</a>`;
  const title = `${course.title} | Brightpath Academy`;
  return {
    path: `${course.path}index.html`,
    body: layout(course.path, title, course.summary, main, jsonLd(graph)),
  };
}

function homePage(courses: DemoCourse[]): SiteFile {
  const main = markup`<h1>Skills for the cloud era</h1>
<p>Brightpath Academy is the training arm of Brightpath Systems. Learn from the engineers who build our platform.</p>
<p><a href="/catalog/">Explore ${courses.length} courses</a></p>
<h2>Popular right now</h2>
<ul>${courses.slice(0, 4).map((course) => markup`<li><a href="${course.path}">${course.title}</a></li>`)}</ul>`;
  return {
    path: '/index.html',
    body: layout('/', 'Brightpath Academy', 'Cloud, data and security training', main),
  };
}

/** A company academy: JSON-LD in a top-level @graph, one catalog page, course pages at directory URLs. */
export function buildBrightpathAcademy(): BuiltSite {
  const courses = composeCourses(plan);
  const teamsText = markup`<h1>Train your team</h1>\n<p>Private cohorts from 10 seats.</p>`;
  const teams: SiteFile = {
    path: '/for-teams/index.html',
    body: layout('/for-teams/', 'For teams', 'Team training', teamsText),
  };
  return { courses, files: [homePage(courses), catalogPage(courses), ...courses.map(coursePage), teams] };
}
