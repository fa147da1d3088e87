import { getJson, type FieldTree } from './api.ts';

let tree: Promise<FieldTree> | undefined;

/** The ISCED-F tree with counts, asked for once per page. */
export function fieldTree(): Promise<FieldTree> {
  tree ??= getJson<FieldTree>('/v1/fields').catch((error: unknown) => {
    tree = undefined;
    throw error;
  });
  return tree;
}

/** Each field's name by its code, at every level; empty when the tree cannot be had. */
export async function fieldNames(): Promise<Map<string, string>> {
  try {
    const names = new Map<string, string>();
    for (const broad of (await fieldTree()).fields) {
      names.set(broad.code, broad.name);
      for (const narrow of broad.narrow) {
        names.set(narrow.code, narrow.name);
        for (const detailed of narrow.detailed) names.set(detailed.code, detailed.name);
      }
    }
    return names;
  } catch {
    return new Map();
  }
}
