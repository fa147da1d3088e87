// Builds one regular-expression source from many literal alternatives, shared by prefix
// ("twenty|twenty-one|two" → "t(?:w(?:enty(?:-one)?|o))"). The engine then tests one character per
// branch instead of every alternative in turn, which is what keeps big word lists fast.

interface Node {
  children: Map<string, Node>;
  end: boolean;
}

// Only syntax characters are escaped: unicode-mode patterns reject needless escapes such as "\\-".
const escapeChar = (char: string) => (/[.*+?^${}()|[\]\\/]/.test(char) ? `\\${char}` : char);

/** A regex source matching any of `words`; `render` writes one character (default: escaped literal). */
export function trieSource(words: readonly string[], render: (char: string) => string = escapeChar): string {
  const root: Node = { children: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const char of word) {
      const key = render(char);
      let child = node.children.get(key);
      if (!child) {
        child = { children: new Map(), end: false };
        node.children.set(key, child);
      }
      node = child;
    }
    node.end = true;
  }
  return `(?:${write(root)})`;
}

function write(node: Node): string {
  const branches = [...node.children].map(([char, child]) => char + write(child));
  if (!branches.length) return '';
  // Longer matches are tried first; an ending here is the last resort.
  const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  return node.end ? `(?:${body})?` : body;
}

/** Renders a letter as a two-case class so one trie serves upper and lower case without the `i` flag. */
export const caseless = (char: string): string =>
  char === ' '
    ? '\\s+'
    : char.toLowerCase() !== char.toUpperCase()
      ? `[${char.toLowerCase()}${char.toUpperCase()}]`
      : escapeChar(char);
