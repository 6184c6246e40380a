/** `a, b ,c` → `['a', 'b', 'c']`: the text form of list fields. */
export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
