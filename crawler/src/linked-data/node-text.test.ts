import { describe, expect, it } from 'vitest';
import { addValue, createNode, type SchemaNode, type SchemaValue } from './schema-org-node.ts';
import { firstTextOf, MAX_TEXT_DEPTH, textOf, textsOf } from './node-text.ts';

function node(properties: Record<string, SchemaValue | SchemaValue[]>, types: string[] = []): SchemaNode {
  const made = createNode(types);
  for (const [property, values] of Object.entries(properties))
    for (const value of [values].flat()) addValue(made, property, value);
  return made;
}

/** A value wrapped in `levels` nodes, each naming the next by `name`. */
const nested = (levels: number, text: string): SchemaValue =>
  levels === 0 ? text : node({ name: nested(levels - 1, text) });

describe('the text of a linked-data value', () => {
  it.each<[string, SchemaValue | undefined, string | undefined]>([
    ['a string, with its whitespace tidied', '  Data   analysis\n', 'Data analysis'],
    ['a blank string', '   ', undefined],
    ['nothing', undefined, undefined],
    [
      'a schema.org organisation by its name',
      node({ name: 'Northbridge University' }, ['Organization']),
      'Northbridge University',
    ],
    [
      'a credential by its category when it has no name',
      node({ credentialCategory: 'Certificate' }),
      'Certificate',
    ],
    ['a SKOS concept by its preferred label', node({ prefLabel: 'ICT', notation: '06' }), 'ICT'],
    ['an ELM organisation by its legal name', node({ legalName: 'Atlantic TU' }), 'Atlantic TU'],
    ['an ELM note by its literal', node({ noteLiteral: 'Two evenings a week' }), 'Two evenings a week'],
    ['a CTDL target node by its name', node({ targetNodeName: 'Welding Level 2' }), 'Welding Level 2'],
    [
      'a name before any other label',
      node({ alternateName: 'NBU', name: 'Northbridge University' }),
      'Northbridge University',
    ],
    ['the next label when the name is blank', node({ name: ' ', prefLabel: 'Engineering' }), 'Engineering'],
    ['a node with no label at all', node({ url: 'https://example.org/' }), undefined],
  ])('reads %s', (_, value, expected) => {
    expect(textOf(value)).toBe(expected);
  });

  it(`looks for a name ${MAX_TEXT_DEPTH} nodes deep and no deeper, from page extraction and feeds alike`, () => {
    expect(textOf(nested(MAX_TEXT_DEPTH, 'Deep label'))).toBe('Deep label');
    expect(textOf(nested(MAX_TEXT_DEPTH + 1, 'Too deep'))).toBeUndefined();
  });

  it('lists the distinct texts of several properties in order, and the first of them', () => {
    const course = node({
      inLanguage: ['en', node({ name: 'de' }), 'en', ' '],
      provider: node({ legalName: 'Harbour Institute' }),
    });
    expect(textsOf(course, 'inLanguage')).toEqual(['en', 'de']);
    expect(firstTextOf(course, 'publisher', 'provider')).toBe('Harbour Institute');
    expect(firstTextOf(course, 'publisher')).toBeUndefined();
  });
});
