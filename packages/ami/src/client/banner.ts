/** What the one-line AMI banner says, e.g. `Asterisk Call Manager/11.0.0`. */
export interface AmiBanner {
  /** The whole line. */
  text: string;
  /** `Asterisk Call Manager`. */
  product: string;
  /** The AMI version (`11.0.0` on Asterisk 22), or undefined if the line has none. */
  version: string | undefined;
}

export function parseBanner(line: string): AmiBanner {
  const text = line.trim();
  const slash = text.lastIndexOf('/');
  if (slash === -1) return { text, product: text, version: undefined };
  const version = text.slice(slash + 1).trim();
  return { text, product: text.slice(0, slash).trim(), version: version === '' ? undefined : version };
}
