import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Source, type SourceInput } from '@shortlist/schemas';

export class SourceConfigError extends Error {}

type Issue = { code: string; path: PropertyKey[]; message: string; keys?: string[] };

function describeIssue(issue: Issue): string {
  const field = issue.path.map(String).join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? ` in ${field}` : '';
    return `${issue.keys?.map((key) => `"${key}"`).join(', ')}${where}: not a source setting; check the spelling or remove it`;
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
    return `${field}: missing; add it (${issue.message.replace(/^Invalid input: /, '')})`;
  return `${field}: ${issue.message}`;
}

/** Parses one source config; the error names the file, the field and what to write instead. */
export function parseSource(input: unknown, file: string): Source {
  const result = Source.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  - ${describeIssue(issue as Issue)}`);
  throw new SourceConfigError(`${file} is not a valid source config:\n${problems.join('\n')}`);
}

export function loadSourceFile(file: string): Source {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8')) as SourceInput;
  } catch (error) {
    throw new SourceConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const source = parseSource(input, file);
  if (`${source.id}.json` !== basename(file)) {
    throw new SourceConfigError(`${file}: id "${source.id}" must match the file name (${source.id}.json)`);
  }
  return source;
}

/** Every `*.json` source config in a folder, in file-name order. */
export function loadSources(folder: string): Source[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => loadSourceFile(join(folder, name)));
}
