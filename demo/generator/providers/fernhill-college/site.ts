import { composeCourses } from '../../lib/compose.ts';
import { humanDate, markup, page, type Markup } from '../../lib/html.ts';
import type { BuiltSite, DemoCourse, SiteFile } from '../../lib/model.ts';
import { plan } from './plan.ts';

const STYLE =
  'body{font-family:Verdana,sans-serif;margin:0 auto;max-width:62rem;color:#123}header{border-bottom:4px solid #2a7}' +
  'dl.key-facts{display:grid;grid-template-columns:10rem 1fr}dt{font-weight:bold}.department{margin-top:2rem}';

/** Departments by ISCED-F broad field, as a further-education college organises its prospectus. */
const DEPARTMENTS: [prefix: string, name: string][] = [
  ['06', 'Computing and IT'],
  ['04', 'Business and Administration'],
  ['10', 'Hospitality, Tourism and Services'],
  ['09', 'Health, Care and Early Years'],
  ['02', 'Languages, Arts and Design'],
  ['08', 'Horticulture and Agriculture'],
  ['07', 'Engineering and Construction'],
];

const header = markup`<header>
<a class="brand" href="/">Fernhill College of Further Education</a>
<nav><a href="/courses/">Part-time courses</a> | <a href="/about.html">About us</a></nav>
</header>`;
const footer = markup`<footer><p>Fernhill College, Western Road, Cork T12 X2Y3 · A Cork ETB college</p></footer>`;

function layout(path: string, title: string, description: string, main: Markup): string {
  return page({ lang: 'en-IE', title, description, path, style: STYLE, header, footer, main });
}

function department(course: DemoCourse): string {
  const prefixes = course.fields.map((code) => code.slice(0, 2));
  return DEPARTMENTS.find(([prefix]) => prefixes.includes(prefix))?.[1] ?? 'Community Education';
}

function departmentTable(name: string, courses: DemoCourse[]): Markup {
  const rows = courses.map(
    (course) =>
      markup`<tr><td><a href="${course.path}">${course.title}</a></td><td>${course.mode?.text ?? 'TBC'}</td><td>${course.cost?.text ?? 'See course page'}</td></tr>\n`,
  );
  return markup`<section class="department"><h2>${name}</h2>
<table class="courses"><thead><tr><th>Course</th><th>Delivery</th><th>Fee</th></tr></thead><tbody>
${rows}</tbody></table></section>
`;
}

function listingPage(courses: DemoCourse[]): SiteFile {
  const names = [...new Set([...DEPARTMENTS.map(([, name]) => name), 'Community Education'])];
  const sections = names.map((name) => {
    const inDepartment = courses.filter((course) => department(course) === name);
    return inDepartment.length === 0 ? '' : departmentTable(name, inDepartment);
  });
  const main = markup`<h1>Part-time courses 2027</h1>
<p>Evening, daytime and online courses for adults. Most courses lead to a QQI award.</p>
${sections}`;
  return {
    path: '/courses/index.html',
    body: layout('/courses/', 'Part-time courses | Fernhill College', 'Courses', main),
  };
}

function fees(course: DemoCourse): Markup | '' {
  const cost = course.cost;
  if (!cost) return '';
  const amount = cost.freeClass === 'paid' ? (cost.amount ?? 0).toFixed(2) : '0';
  const category = cost.freeClass === 'paid' ? 'Paid' : 'Free';
  return markup`<section class="fees" itemprop="offers" itemscope itemtype="https://schema.org/Offer">
<h2>Fees</h2>
<p>Course fee: <span itemprop="price" content="${amount}">${cost.text}</span><meta itemprop="priceCurrency" content="EUR"><meta itemprop="category" content="${category}"></p>
</section>`;
}

function instance(course: DemoCourse): Markup {
  const { duration, mode, workload } = course;
  const start = course.startDates[0];
  const isoDuration = duration?.iso ? markup`<meta itemprop="duration" content="${duration.iso}">` : '';
  return markup`<section class="schedule" itemprop="hasCourseInstance" itemscope itemtype="https://schema.org/CourseInstance">
<h2>Course details</h2>
<dl class="key-facts">
${mode ? markup`<dt>Delivery</dt><dd itemprop="courseMode">${mode.text}</dd>\n` : ''}${
    duration
      ? markup`<dt>Duration</dt><dd>${isoDuration}<span class="duration">${duration.text}</span></dd>\n`
      : ''
  }${workload ? markup`<dt>Time commitment</dt><dd itemprop="courseWorkload">${workload.text}</dd>\n` : ''}${
    start
      ? markup`<dt>Start date</dt><dd><time itemprop="startDate" datetime="${start}">${humanDate(start)}</time></dd>\n`
      : ''
  }${
    mode?.city
      ? markup`<dt>Location</dt><dd itemprop="location" itemscope itemtype="https://schema.org/Place"><span itemprop="name">Fernhill College, Western Road</span>, <span itemprop="address">${mode.city}</span></dd>\n`
      : ''
  }</dl>
</section>`;
}

function award(course: DemoCourse): Markup {
  const row = (label: string, prop: string, value: string | null) =>
    value ? markup`<dt>${label}</dt><dd itemprop="${prop}">${value}</dd>\n` : '';
  return markup`<dl class="key-facts award">
${row('Level', 'educationalLevel', course.level)}${row('Credits', 'numberOfCredits', course.credit?.text ?? null)}${row(
    'Award',
    'educationalCredentialAwarded',
    course.credential,
  )}${course.assessment ? markup`<dt>Assessment</dt><dd class="assessment">${course.assessment}</dd>\n` : ''}</dl>`;
}

function coursePage(course: DemoCourse): SiteFile {
  const others = course.startDates.slice(1).map((date) => humanDate(date));
  const main = markup`<article itemscope itemtype="https://schema.org/Course">
<p class="department">${department(course)}</p>
<h1 itemprop="name">${course.title}</h1>
<div itemprop="provider" itemscope itemtype="https://schema.org/EducationalOrganization"><meta itemprop="name" content="${plan.name}"><link itemprop="url" href="/"></div>
<div class="description" itemprop="description">
${course.description.map((paragraph) => markup`<p>${paragraph}</p>\n`)}</div>
${instance(course)}
${others.length ? markup`<p class="more-dates">Further intakes: ${others.join(', ')}</p>` : ''}
${award(course)}
${fees(course)}
<h2>On completion you will be able to</h2>
<ul class="outcomes">${course.outcomes.map((outcome) => markup`<li itemprop="teaches">${outcome}</li>`)}</ul>
<p>Subject: <span itemprop="about">${course.about}</span></p>
${course.prerequisites ? markup`<h2>Entry requirements</h2><p itemprop="coursePrerequisites">${course.prerequisites}</p>` : ''}
<meta itemprop="inLanguage" content="${course.languages.join(', ')}">
<p><a class="enrol" href="/enrol/${course.slug}">Book your place</a></p>
</article>`;
  return {
    path: course.path,
    body: layout(course.path, `${course.title} | Fernhill College`, course.summary, main),
  };
}

function homePage(courses: DemoCourse[]): SiteFile {
  const main = markup`<h1>Fernhill College of Further Education</h1>
<p>Part-time, evening and online courses in Cork, with QQI awards at NFQ Levels 5 and 6.</p>
<p><a href="/courses/">See all ${courses.length} part-time courses</a></p>`;
  return {
    path: '/index.html',
    body: layout('/', 'Fernhill College of Further Education', 'Part-time courses in Cork', main),
  };
}

/** A college site: schema.org microdata course pages, one listing grouped by department. */
export function buildFernhillCollege(): BuiltSite {
  const courses = composeCourses(plan);
  const aboutText = markup`<h1>About us</h1>\n<p>Fernhill has served adult learners in Cork since 1969.</p>`;
  const about: SiteFile = {
    path: '/about.html',
    body: layout('/about.html', 'About us', 'About', aboutText),
  };
  return { courses, files: [homePage(courses), listingPage(courses), ...courses.map(coursePage), about] };
}
