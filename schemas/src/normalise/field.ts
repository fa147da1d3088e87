// Placeholder: replaced by the full ISCED-F 2013 classifier (issue 3).
const KEYWORDS: [RegExp, string][] = [
  [/data|analytics|software|programming|cyber|computing|cloud/i, '0613'],
  [/nurs|health|care/i, '0913'],
  [/business|management|marketing|accounting/i, '0413'],
  [/teach|education/i, '0111'],
  [/engineer|electric|mechanic/i, '0713'],
];

export function classifyField(text: string | null | undefined): string[] {
  if (!text) return [];
  return KEYWORDS.filter(([pattern]) => pattern.test(text)).map(([, code]) => code);
}

/** A code with every broader code that contains it, so a broad filter matches detailed codes. */
export function expandFieldCodes(codes: string[]): string[] {
  const all = new Set<string>();
  for (const code of codes) for (let length = 2; length <= code.length; length++) all.add(code.slice(0, length));
  return [...all];
}
