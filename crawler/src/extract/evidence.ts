import {
  normaliseCost,
  normaliseDuration,
  normaliseMode,
  normaliseWorkload,
  type Confidence,
  type Extractor,
  type FieldEvidence,
  type RawCourse,
  type RawCourseField as CourseField,
} from '@shortlist/schemas';

/** What an extractor can say about a value beside the value itself. */
export interface Found {
  /** the text the value was read from; the value itself when not given */
  evidence?: string;
  /** lower than the extractor's own when the reading was indirect (a phrase, the site's tagline) */
  confidence?: Confidence;
  /** why this value was chosen over others the same extractor saw */
  reason?: string;
}

const EVIDENCE_LENGTH = 200;

/** Evidence as stored: one line, about 200 characters, cut at a word. */
export function cutEvidence(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= EVIDENCE_LENGTH) return line;
  const cut = line.slice(0, EVIDENCE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${space > EVIDENCE_LENGTH - 40 ? cut.slice(0, space) : cut}…`;
}

/** Structured data, embedded JSON and selector maps name the field; visible text is read by its label. */
export function baseConfidence(extractor: Extractor): Confidence {
  return extractor === 'text' ? 'medium' : 'high';
}

const RAISED: Record<Confidence, Confidence> = { low: 'medium', medium: 'high', high: 'high' };
const LOWERED: Record<Confidence, Confidence> = { low: 'low', medium: 'low', high: 'medium' };

export function newEvidence(extractor: Extractor, value: string, found: Found): FieldEvidence {
  const evidence: FieldEvidence = {
    extractor,
    text: cutEvidence(found.evidence ?? value),
    confidence: found.confidence ?? baseConfidence(extractor),
  };
  if (found.reason) evidence.reason = found.reason;
  return evidence;
}

const words = (value: string) =>
  value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether two values of one field say the same thing, read as the normalisers read them. */
export function sameValue(field: CourseField, a: string, b: string): boolean {
  if (a === b) return true;
  switch (field) {
    case 'cost': {
      const [x, y] = [normaliseCost(a), normaliseCost(b)];
      return Boolean(
        x && y && x.amount === y.amount && (!x.currency || !y.currency || x.currency === y.currency),
      );
    }
    case 'duration': {
      // "8 Months" and "finish within 8 months" state one length
      const [x, y] = [normaliseDuration(a), normaliseDuration(b)];
      if (x?.stated && y?.stated) return JSON.stringify(x.stated) === JSON.stringify(y.stated);
      return Boolean(x && y && x.minWeeks === y.minWeeks && x.maxWeeks === y.maxWeeks);
    }
    case 'workload':
      return JSON.stringify(normaliseWorkload(a)) === JSON.stringify(normaliseWorkload(b));
    case 'mode':
      return normaliseMode(a) === normaliseMode(b);
    case 'title': {
      // "Curso de Estrategias" and "Estrategias" name one course
      const [x, y] = [words(a), words(b)];
      return x === y || (x.length > 0 && y.length > 0 && (x.endsWith(y) || y.endsWith(x)));
    }
    default:
      return words(a) === words(b);
  }
}

/**
 * Notes another candidate for a field that already has a value: one that agrees from other text raises the
 * confidence, one that disagrees lowers it and is kept beside the winner with the reason the winner won. The same
 * text found twice (a fact box repeated in a data attribute) is one reading, not two.
 */
export function noteCandidate(
  record: RawCourse,
  field: CourseField,
  other: { extractor: Extractor; value: string; text: string },
  reason: string,
): void {
  const kept = record.evidence?.[field];
  const value = record[field];
  if (!kept || typeof value !== 'string') return;
  const text = cutEvidence(other.text);
  // the same text read again (a fact box repeated lower on the page, or kept in a data attribute) adds nothing
  const others = (kept.others ??= []);
  if ([kept.text, ...others.map((known) => known.text)].some((known) => squeeze(known) === squeeze(text)))
    return;
  // a value that states nothing for the field ("Cost: Overview") is no candidate
  if (!states(field, other.value)) return;
  const agrees = sameValue(field, value, other.value);
  others.push({ extractor: other.extractor, value: other.value, text, agrees });
  if (agrees) kept.confidence = RAISED[kept.confidence];
  else if (competes(field, value, other.value)) {
    kept.confidence = LOWERED[kept.confidence];
    kept.reason ??= reason;
  }
}

const squeeze = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether the normaliser for a field finds anything in the value. */
function states(field: CourseField, value: string): boolean {
  if (field === 'cost') return normaliseCost(value) !== null;
  if (field === 'duration') return normaliseDuration(value) !== null;
  if (field === 'workload') return normaliseWorkload(value) !== null;
  if (field === 'mode') return normaliseMode(value) !== null;
  return true;
}

/** Two prices on different bases (a total and a per-term fee) are two facts, not a disagreement. */
function competes(field: CourseField, a: string, b: string): boolean {
  if (field !== 'cost') return true;
  return normaliseCost(a)?.basis === normaliseCost(b)?.basis;
}
