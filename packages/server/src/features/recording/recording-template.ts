import { CodedError } from '../../coded-error.ts';

/** The placeholders a recording file name template may use. */
export const RECORDING_PLACEHOLDERS = ['date', 'time', 'linkedid', 'uniqueid', 'extension', 'agent', 'queue'] as const;
export type RecordingPlaceholder = (typeof RECORDING_PLACEHOLDERS)[number];

/** The template is refused at startup: the server does not start with it. */
export class RecordingTemplateError extends CodedError {
  constructor(message: string, template: string) {
    super('CTI_ERR_RECORDING_TEMPLATE', message, { template });
  }
}

const TEMPLATE_CHARS = /^[A-Za-z0-9_./{}-]+$/;
const PLACEHOLDER = /\{([a-z]+)\}/g;

/**
 * Checks a file name template once, at startup: letters, digits, `_ - . /` and known
 * `{placeholders}` only; relative (no leading `/`), no `..` segment, no empty segment. So no
 * value can traverse directories, inject an AMI header, or reach a shell (MixMonitor's
 * `Command` is never sent at all).
 */
export function checkRecordingTemplate(template: string): string {
  if (!TEMPLATE_CHARS.test(template)) {
    throw new RecordingTemplateError('The recording file template may hold letters, digits, _ - . / and {placeholders} only', template);
  }
  if (template.startsWith('/') || template.split('/').some((seg) => seg === '' || seg === '..' || seg === '.')) {
    throw new RecordingTemplateError('The recording file template must be a relative path without empty, . or .. segments', template);
  }
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!(RECORDING_PLACEHOLDERS as readonly string[]).includes(name!)) {
      throw new RecordingTemplateError(`Unknown placeholder {${name}} in the recording file template`, template);
    }
  }
  if (template.replace(PLACEHOLDER, '').includes('{') || template.replace(PLACEHOLDER, '').includes('}')) {
    throw new RecordingTemplateError('Unbalanced braces in the recording file template', template);
  }
  return template;
}

/** A value as it may appear in a file name: other characters become `_`, and never `..`. */
function safeValue(value: string | null | undefined): string {
  const v = (value ?? '').replace(/[^A-Za-z0-9_.-]/g, '_').replace(/\.{2,}/g, '_');
  return v === '' || v === '.' ? 'none' : v;
}

/** The file name for one recording (UTC date and time), with the format's extension. */
export function renderRecordingFile(
  template: string,
  values: Partial<Record<RecordingPlaceholder, string | null>> & { at: number },
  format: string,
): string {
  const d = new Date(values.at);
  const pad = (n: number) => String(n).padStart(2, '0');
  const all: Record<string, string> = {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`,
  };
  const name = template.replace(PLACEHOLDER, (_, key: string) => all[key] ?? safeValue(values[key as RecordingPlaceholder]));
  return `${name}.${format}`;
}
