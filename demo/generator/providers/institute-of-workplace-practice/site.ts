import { composeCourses } from '../../lib/compose.ts';
import { visibleFacts } from '../../lib/facts.ts';
import { humanDate, markup, page, type Markup } from '../../lib/html.ts';
import type { BuiltSite, DemoCourse, SiteFile } from '../../lib/model.ts';
import { plan } from './plan.ts';

const STYLE =
  'body{font-family:Arial,sans-serif;margin:0;color:#222}header{background:#00557f;color:#fff;padding:1rem}' +
  'header a{color:#fff}main{max-width:56rem;margin:auto;padding:1rem}dl.facts{display:grid;grid-template-columns:12rem 1fr}' +
  '.at-a-glance{background:#eef6fa;padding:1rem}';

const header = markup`<header><a href="/">Institute of Workplace Practice Australia</a>
<nav><a href="/cpd/">Professional development</a> · <a href="/membership.html">Membership</a></nav></header>`;
const footer = markup`<footer><p>Institute of Workplace Practice Australia Ltd · ABN 12 345 678 901 · Level 9, 1 Market St, Sydney NSW 2000</p></footer>`;

function layout(path: string, title: string, description: string, main: Markup): string {
  return page({ lang: 'en-AU', title, description, path, style: STYLE, header, footer, main });
}

function listingPage(courses: DemoCourse[]): SiteFile {
  const main = markup`<h1>Professional development courses</h1>
<p>CPD courses, workshops and micro-credentials for workplace professionals.</p>
<ul class="cpd-list">
${courses.map((course) => markup`<li><a href="${course.path}">${course.title}</a> – ${course.summary}</li>\n`)}</ul>`;
  return {
    path: '/cpd/index.html',
    body: layout('/cpd/', 'Professional development | IWPA', 'CPD courses', main),
  };
}

/** Each fact sits in a <dd> whose class names it, which is what the source's selector map reads. */
const LABELS = {
  duration: 'Duration',
  workload: 'Study load',
  cost: 'Cost',
  mode: 'Delivery',
  city: 'Location',
  level: 'Level',
  credit: 'CPD / credit',
  credential: 'Credential',
  assessment: 'Assessment',
};
// Labelled lines such as "Duration: 6 weeks", which text heuristics can read without a selector map.
const GLANCE = { duration: 'Duration', cost: 'Cost', mode: 'Delivery', level: 'Level' };

function startDates(course: DemoCourse): Markup | '' {
  const dates = course.startDates.map((date) => markup`<span class="start-date">${humanDate(date)}</span>`);
  if (dates.length === 0 && !course.duration?.selfPaced) return '';
  const value = dates.length ? dates : 'Start anytime';
  return markup`<dt>Upcoming dates</dt><dd class="start-dates">${value}</dd>\n`;
}

function coursePage(course: DemoCourse): SiteFile {
  const facts = visibleFacts(course, LABELS).map(
    (fact) =>
      markup`<dt>${fact.label}</dt><dd class="${fact.key === 'city' ? 'location' : fact.key}">${fact.value}</dd>\n`,
  );
  const glance = visibleFacts(course, GLANCE).map((fact) => `${fact.label}: ${fact.value}`);
  const main = markup`<p class="breadcrumb"><a href="/cpd/">Professional development</a> &gt; ${course.title}</p>
<h1 class="course-title">${course.title}</h1>
<p class="lead">${course.summary}</p>
<p class="at-a-glance">${glance.map((line, index) => markup`${index > 0 ? markup`<br>\n` : ''}${line}`)}</p>
<dl class="facts">
${facts}${startDates(course)}</dl>
<div class="description">
${course.description.map((paragraph) => markup`<p>${paragraph}</p>\n`)}</div>
<h2>Learning outcomes</h2>
<ul class="outcomes">${course.outcomes.map((outcome) => markup`<li>${outcome}</li>`)}</ul>
${course.prerequisites ? markup`<h2>Prerequisites</h2>\n<p class="prerequisites">${course.prerequisites}</p>` : ''}
<p><a class="enrol" href="/register/${course.slug}">Register</a></p>`;
  return { path: course.path, body: layout(course.path, `${course.title} | IWPA`, course.summary, main) };
}

function homePage(courses: DemoCourse[]): SiteFile {
  const main = markup`<h1>The professional body for workplace practitioners</h1>
<p>We set standards, accredit practitioners and run ${courses.length} CPD courses across Australia and online.</p>
<p><a href="/cpd/">Browse professional development</a></p>`;
  return {
    path: '/index.html',
    body: layout('/', 'Institute of Workplace Practice Australia', 'Home', main),
  };
}

/** A professional body: plain HTML course pages with no structured data, read with a selector map. */
export function buildInstituteOfWorkplacePractice(): BuiltSite {
  const courses = composeCourses(plan);
  const membershipText = markup`<h1>Membership</h1>\n<p>Join 14,000 practitioners.</p>`;
  const membership: SiteFile = {
    path: '/membership.html',
    body: layout('/membership.html', 'Membership', 'Membership', membershipText),
  };
  return {
    courses,
    files: [homePage(courses), listingPage(courses), ...courses.map(coursePage), membership],
  };
}
