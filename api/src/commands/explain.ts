import type { Course } from '@shortlist/schemas';

/** What each course's field holds, read from where, how sure, and what else was found: `extract --explain`. */
export function explainCourses(courses: readonly Course[]): string {
  return courses.map(explainCourse).join('\n\n');
}

function explainCourse(course: Course, index: number): string {
  const lines = [`course ${index + 1}: ${course.title}  (${course.url})`];
  for (const [field, extractor] of Object.entries(course.provenance)) {
    const evidence = course.evidence?.[field];
    if (!evidence) {
      lines.push(`  ${field}: from ${extractor}`);
      continue;
    }
    lines.push(
      `  ${field}: ${evidence.confidence} confidence, from ${evidence.extractor}: "${evidence.text}"`,
    );
    if (evidence.reason) lines.push(`    chosen because ${evidence.reason}`);
    for (const other of evidence.others ?? [])
      lines.push(
        `    ${other.agrees ? 'agrees' : 'differs'}: ${other.extractor} "${other.value}" in "${other.text}"`,
      );
  }
  return lines.join('\n');
}
