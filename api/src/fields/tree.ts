import { fieldName, ISCED_F, type BroadField } from '@shortlist/schemas';

/** Course counts by ISCED-F code, every level together. */
export type FieldCounts = ReadonlyMap<string, number>;

/** The codes to show below `parent`: the table's own, and any other code the courses use (such as "0619"). */
function children(parent: string, counts: FieldCounts): string[] {
  const length = parent ? parent.length + 1 : 2;
  const codes = new Set(
    ISCED_F.filter((field) => field.code.length === length && field.code.startsWith(parent)).map((field) => field.code), // prettier-ignore
  );
  for (const code of counts.keys())
    if (code.length === length && code.startsWith(parent) && fieldName(code)) codes.add(code);
  return [...codes].sort();
}

const node = (code: string, counts: FieldCounts) => ({
  code,
  name: fieldName(code) ?? code,
  count: counts.get(code) ?? 0,
});

/** The ISCED-F tree in code order, broad → narrow → detailed, with the counts given (0 where none). */
export function fieldTree(counts: FieldCounts): BroadField[] {
  return children('', counts).map((broad) => ({
    ...node(broad, counts),
    narrow: children(broad, counts).map((narrow) => ({
      ...node(narrow, counts),
      detailed: children(narrow, counts).map((detailed) => node(detailed, counts)),
    })),
  }));
}
