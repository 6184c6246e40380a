/** Client-side checks of a queue's disposition codes, mirroring the server's, as sentences naming the line and field. */
export interface CodeRow {
  code: string;
  label: string;
}

const CODE = /^[A-Za-z0-9_.-]{1,64}$/;

export type CodeProblem =
  | { key: 'admin.codeInvalid'; line: number }
  | { key: 'admin.codeDuplicate'; line: number; code: string }
  | { key: 'admin.labelRequired'; line: number }
  | { key: 'admin.needsCode' };

/** The first problem with the rows, or null when they can be saved. */
export function codeProblem(rows: readonly CodeRow[], required: boolean): CodeProblem | null {
  if (required && rows.length === 0) return { key: 'admin.needsCode' };
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const line = i + 1;
    if (!CODE.test(row.code)) return { key: 'admin.codeInvalid', line };
    if (seen.has(row.code)) return { key: 'admin.codeDuplicate', line, code: row.code };
    seen.add(row.code);
    if (row.label.trim() === '') return { key: 'admin.labelRequired', line };
  }
  return null;
}
