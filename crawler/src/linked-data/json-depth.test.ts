import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseUntrustedJson, tooDeepAt } from './json-depth.ts';

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('JSON nesting depth', () => {
  it('allows the limit and names the line and column of the first bracket past it', () => {
    expect(tooDeepAt(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(tooDeepAt(`{\n  "a":\n  ${nested(MAX_JSON_DEPTH)}}`)).toEqual({ line: 3, column: 102 });
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ note: `\\"${'['.repeat(500)}`, list: [[1], { a: '{' }] });
    expect(tooDeepAt(text)).toBeNull();
    expect(parseUntrustedJson(text)).toMatchObject({ list: [[1], { a: '{' }] });
  });

  it('refuses to parse what nests too deep, with a message naming where', () => {
    expect(() => parseUntrustedJson(nested(100_000))).toThrow(
      'The JSON nests arrays and objects more than 100 levels deep (line 1, column 101)',
    );
  });
});
