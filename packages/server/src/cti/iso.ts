/** Epoch milliseconds to the ISO-8601 form the wire protocol uses. */
export const iso = (ms: number): string => new Date(ms).toISOString();
