/**
 * Cheap lookups on a message's flat field array for the hot path, where
 * AmiMessage.get() would build an index for long messages. Keys compare
 * case-insensitively, and the first occurrence wins.
 */
export function fieldValue(fields: readonly string[], lowerKey: string): string | undefined {
  const len = lowerKey.length;
  for (let i = 0; i < fields.length; i += 2) {
    const k = fields[i]!;
    if (k.length === len && k.toLowerCase() === lowerKey) return fields[i + 1];
  }
  return undefined;
}

export function actionIdOf(fields: readonly string[]): string | undefined {
  return fieldValue(fields, 'actionid');
}

export function equalsIgnoreCase(value: string | undefined, expected: string): boolean {
  return value !== undefined && value.length === expected.length && value.toLowerCase() === expected.toLowerCase();
}
