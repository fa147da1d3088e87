import type { TextChunks } from './decode.ts';
import type { ColumnMapping, RawCourse } from '@shortlist/schemas';
import { columnFor, columnNames, headerKey, type FeedColumn } from './csv-columns.ts';
import { CsvTokenizer, detectDelimiter, type CsvRecord, type Delimiter } from './csv-tokenizer.ts';
import { cleanText, rawCourse, type FeedNotes, type FeedRecord } from './feed-record.ts';
import { FeedError, problem, type FeedProblem } from './problems.ts';

export type { ColumnMapping };

export interface CsvOptions {
  mapping?: ColumnMapping;
  delimiter?: Delimiter;
}

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
const TEMPLATE_HINT = 'See GET /v1/partner/template.csv for the documented columns';

/** Reads a CSV feed a row at a time; header problems go to `notes`, row problems to each record. */
export async function* readCsvFeed(
  text: TextChunks,
  sample: string,
  notes: FeedNotes,
  options: CsvOptions = {},
): AsyncGenerator<FeedRecord> {
  const delimiter = options.delimiter ?? detectDelimiter(sample) ?? ',';
  notes.delimiter = delimiter;
  const tokenizer = new CsvTokenizer(delimiter);
  let columns: (FeedColumn | null)[] | undefined;
  const pending: CsvRecord[] = [];
  const flush = function* (): Generator<FeedRecord> {
    for (const record of pending) {
      if (!columns) {
        notes.header = record.cells;
        columns = readHeader(record, delimiter, notes, options);
        continue;
      }
      yield readRow(record, columns, notes.header!, delimiter);
    }
    pending.length = 0;
  };
  for await (const chunk of text) {
    tokenizer.push(chunk, pending);
    yield* flush();
  }
  tokenizer.end(pending);
  yield* flush();
  if (!columns)
    throw new FeedError('The file is empty: there is no header line.', `${TEMPLATE_HINT}.`, { line: 1 });
}

function readHeader(
  record: CsvRecord,
  delimiter: Delimiter,
  notes: FeedNotes,
  options: CsvOptions,
): (FeedColumn | null)[] {
  const header = record.cells;
  if (header.length === 1) refuseSingleColumn(header[0]!, delimiter, options.delimiter !== undefined);
  const mapping = resolveMapping(options.mapping ?? {});
  const used = new Map<FeedColumn, string>();
  const columns = header.map((name, index): FeedColumn | null => {
    const mapped = mapping.get(headerKey(name));
    if (mapped === null || headerKey(name) === '') return null;
    const column = mapped ?? columnFor(name);
    if (!column) {
      notes.problems.push(
        problem(
          record.line,
          'warning',
          name,
          name,
          `Column ${index + 1} "${name}" is not a Shortlist column; it was ignored.`,
          `Rename it to one of ${columnNames()}, or map it with mapping={"${name}":"description"}.`,
        ),
      );
      return null;
    }
    const earlier = used.get(column);
    if (earlier !== undefined) {
      notes.problems.push(
        problem(
          record.line,
          'warning',
          name,
          name,
          `Columns "${earlier}" and "${name}" both mean ${column.name}; only "${earlier}" was read.`,
          `Remove one, or map one to another column with mapping={"${name}":"…"}.`,
        ),
      );
      return null;
    }
    used.set(column, name);
    return column;
  });
  notes.columnOf = new Map([...used].map(([column, name]) => [column.target, name]));
  for (const required of ['title', 'url']) {
    if ([...used.keys()].some((column) => column.name === required)) continue;
    throw new FeedError(
      `Line ${record.line}: the header has no ${required} column (it has: ${header.map((name) => `"${name}"`).join(', ')}).`,
      `Every course needs a ${required}: add a "${required}" column, or map yours with mapping={"Your column":"${required}"}. ${TEMPLATE_HINT}.`,
      { line: record.line },
    );
  }
  return columns;
}

function refuseSingleColumn(header: string, delimiter: Delimiter, explicit: boolean): never {
  const other = detectDelimiter(header);
  const used = DELIMITER_NAMES[delimiter];
  const message = explicit
    ? `Line 1 read with the ${used} delimiter is a single column ("${header.slice(0, 80)}")${other ? `; the file looks ${DELIMITER_NAMES[other]}-separated` : ''}.`
    : `Line 1 is a single column ("${header.slice(0, 80)}"): the file is not comma, semicolon or tab separated.`;
  const separator = /[|^~:]/.exec(header)?.[0];
  throw new FeedError(
    message,
    separator
      ? `Columns seem to be separated by "${separator}"; save the file with commas, semicolons or tabs between columns.`
      : `Separate columns with commas, semicolons or tabs and put the column names on line 1. ${TEMPLATE_HINT}.`,
    { line: 1 },
    explicit ? 'delimiter' : undefined,
  );
}

/** Validates a `mapping` parameter: keys are the partner's headers, values documented column names. */
export function resolveMapping(mapping: ColumnMapping): Map<string, FeedColumn | null> {
  const resolved = new Map<string, FeedColumn | null>();
  for (const [from, to] of Object.entries(mapping)) {
    if (to === null || to === '' || to === '-' || to === 'ignore') {
      resolved.set(headerKey(from), null);
      continue;
    }
    const column = typeof to === 'string' ? columnFor(to) : undefined;
    if (!column)
      throw new FeedError(
        `mapping: "${from}" is mapped to "${String(to)}", which is not a Shortlist column.`,
        `Map it to one of ${columnNames()}, or to "ignore".`,
        {},
        'mapping',
      );
    resolved.set(headerKey(from), column);
  }
  return resolved;
}

function readRow(
  record: CsvRecord,
  columns: (FeedColumn | null)[],
  header: string[],
  delimiter: Delimiter,
): FeedRecord {
  const { line, cells } = record;
  const problems: FeedProblem[] = record.problems.map((issue) =>
    problem(
      line,
      'error',
      header[issue.cell] ?? `column ${issue.cell + 1}`,
      cells[issue.cell],
      issue.message,
      issue.fix,
    ),
  );
  const extra = cells.slice(columns.length);
  if (extra.some((cell) => cell.trim() !== '')) {
    problems.push(
      problem(
        line,
        'error',
        null,
        cells.join(delimiter),
        `The row has ${cells.length} cells but the header has ${columns.length}: a ${DELIMITER_NAMES[delimiter]} inside a cell that is not quoted?`,
        `Put cells that contain a ${DELIMITER_NAMES[delimiter]} in double quotes, e.g. "Leeds${delimiter} UK".`,
      ),
    );
  } else if (cells.length < columns.length && cells.length > 1) {
    problems.push(
      problem(
        line,
        'warning',
        null,
        null,
        `The row has ${cells.length} cells but the header has ${columns.length}; the last ${columns.length - cells.length} were read as empty.`,
        'Give every row as many cells as the header, leaving unknown ones empty.',
      ),
    );
  }
  const fields: Partial<Record<keyof RawCourse, string | string[]>> = {};
  const result: FeedRecord = { row: line, raw: {}, problems, cells };
  columns.forEach((column, index) => {
    const cell = cleanText(cells[index]);
    if (!column || cell === undefined) return;
    switch (column.target) {
      case 'key':
        result.key = cell;
        return;
      case 'providerId':
        result.providerId = cell;
        return;
      case 'status':
        readStatus(result, cell, header[index]!);
        return;
      default:
        fields[column.target] = column.separator ? cell.split(column.separator) : cell;
    }
  });
  result.raw = rawCourse(fields);
  return result;
}

const WITHDRAWN = /^(?:withdrawn|inactive|no|false|0|closed|removed|deleted|discontinued)$/i;
const ACTIVE = /^(?:active|yes|true|1|open|live|published)$/i;

function readStatus(record: FeedRecord, cell: string, header: string): void {
  if (WITHDRAWN.test(cell)) record.status = 'withdrawn';
  else if (ACTIVE.test(cell)) record.status = 'active';
  else
    record.problems.push(
      problem(
        record.row,
        'error',
        header,
        cell,
        `status "${cell}" is neither active nor withdrawn.`,
        'Write "active", or "withdrawn" to take the course down.',
      ),
    );
}
