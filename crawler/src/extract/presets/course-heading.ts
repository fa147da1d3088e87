/** A catalogue heading taken apart: "ACCT 201. Principles of Financial Accounting. 3 Credits." */
export interface CourseHeading {
  title: string;
  code?: string;
  credit?: string;
}

const MAX_HEADING = 300;
const SPACE = '[\\s\\u00a0]';
/** "ACCT 201", "CS-101", "AERO E4101", "BIOL 1010L": a subject in capitals and a number. */
const CODE = new RegExp(
  `^([A-Z][A-Z&]{1,7}(?:${SPACE}|-)?[A-Z]?\\d{2,5}[A-Z]{0,3})(?:${SPACE}*[.:–—-]${SPACE}+|${SPACE}*[.:]${SPACE}*|${SPACE}+)(\\S.*)$`,
);
const AMOUNT = '\\d+(?:\\.\\d+)?(?:\\s*(?:-|–|to|or)\\s*\\d+(?:\\.\\d+)?)?';
const UNIT =
  '(?:credits?|credit hours?|cr\\.?|units?|hours?|hrs\\.?|points?|semester hours?|quarter hours?|ects)';
/** "3 Credits.", "(4 Hours)", "3.00 points." at the end */
const CREDIT_AFTER = new RegExp(`[\\s.,;]*\\(?\\s*(${AMOUNT}\\s*${UNIT})\\s*\\)?\\.?\\s*$`, 'i');
/** "Credit Hours: 3" at the end */
const CREDIT_LABEL = new RegExp(
  `[\\s.,;]*\\b((?:credits?|credit hours?|units?)\\s*:\\s*${AMOUNT})\\.?\\s*$`,
  'i',
);
/** "(4)" at the end: a catalogue's credit hours */
const CREDIT_BARE = new RegExp(`\\s*\\((${AMOUNT})\\)\\s*$`);

/**
 * Reads the course code at the start and the credits at the end of a catalogue heading; what is left is the
 * title. A heading without a code keeps its words, credits aside.
 */
export function readCourseHeading(heading: string): CourseHeading {
  let rest = heading.replace(/\s+/g, ' ').trim();
  // a heading is a line; longer text is something else, kept as it is
  if (rest.length > MAX_HEADING) return { title: rest };
  let credit: string | undefined;
  for (const pattern of [CREDIT_LABEL, CREDIT_AFTER]) {
    const match = pattern.exec(rest);
    if (match && match.index > 0) {
      credit = match[1]!.replace(/\s+/g, ' ');
      rest = rest.slice(0, match.index);
      break;
    }
  }
  const code = CODE.exec(rest);
  if (code) rest = code[2]!;
  const bare = credit || !code ? null : CREDIT_BARE.exec(rest);
  if (bare && bare.index > 0) {
    credit = `${bare[1]} credits`;
    rest = rest.slice(0, bare.index);
  }
  const title = rest.replace(/[\s.,;:–—-]+$/, '').trim();
  return {
    title: title || heading.trim(),
    ...(code ? { code: code[1]!.replace(/\u00a0/g, ' ') } : {}),
    ...(credit ? { credit } : {}),
  };
}
