import { ServiceErrors } from '../common/service-errors.ts';
import { withInternationalPlus } from '../../directory/phone-number.ts';
import { toDialString } from './dial-number.ts';

export type TransferTargetKind = 'queue' | 'extension' | 'external';

/** One configured place calls may be transferred to. For `external`, `value` is a number prefix. */
export interface TransferTarget {
  kind: TransferTargetKind;
  value: string;
  label?: string | undefined;
}

/** What a transfer resolves to: the extension to send the caller to in the dialling context. */
export interface ResolvedTransfer {
  kind: TransferTargetKind;
  /** The `Exten` of BlindTransfer / Atxfer: a queue name, an extension, or prefix + E.164. */
  exten: string;
}

export interface TransferRules {
  targets: readonly TransferTarget[];
  /** The queues the PBX reports now (transfer to a queue by name needs it to exist). */
  queues: ReadonlySet<string>;
  defaultCountry: string;
  outboundPrefix: string;
}

const DIGITS = /^[0-9*#]{2,6}$/;
const QUEUE = /^[A-Za-z0-9_.-]+$/;

/** Digits and a leading + (a 00 prefix read as +), as typed numbers are compared with external prefixes. */
function plain(number: string): string {
  return withInternationalPlus(number).replace(/[\s().-]/g, '');
}

/**
 * Where `to` may go. A name that is a queue (known to the PBX, or configured) goes to that queue.
 * With no configured targets, internal extensions and dialable numbers are allowed as before;
 * with targets, only a listed queue or extension, or a number that starts with a listed external
 * prefix. Anything else is refused with CTI_ERR_TRANSFER_TARGET_NOT_ALLOWED.
 */
export function resolveTransfer(to: string, rules: TransferRules): ResolvedTransfer {
  const typed = to.trim();
  const restricted = rules.targets.length > 0;
  const listed = (kind: TransferTargetKind, value: string) => rules.targets.some((t) => t.kind === kind && t.value === value);
  const refuse = () =>
    ServiceErrors.transferTargetNotAllowed(`${JSON.stringify(typed)} is not one of the configured transfer targets`, { to: typed });

  if (!DIGITS.test(typed) && QUEUE.test(typed) && !/^\+?[0-9]/.test(typed)) {
    if (restricted ? !listed('queue', typed) : !rules.queues.has(typed)) {
      if (!restricted) throw ServiceErrors.invalidNumber(`${JSON.stringify(typed)} is neither a queue nor a number`, { to: typed });
      throw refuse();
    }
    return { kind: 'queue', exten: typed };
  }
  if (DIGITS.test(typed)) {
    if (restricted && !listed('extension', typed)) throw refuse();
    return { kind: 'extension', exten: typed };
  }
  if (restricted) {
    const number = plain(typed);
    const prefixes = rules.targets.filter((t) => t.kind === 'external').map((t) => t.value);
    if (!prefixes.some((p) => number.startsWith(p))) throw refuse();
  }
  return { kind: 'external', exten: toDialString(typed, rules) };
}

/** The list a desk shows: configured targets, or every queue the PBX reports when none are configured. */
export function listTransferTargets(rules: Pick<TransferRules, 'targets' | 'queues'>): { restricted: boolean; targets: TransferTarget[] } {
  if (rules.targets.length > 0) return { restricted: true, targets: rules.targets.map((t) => ({ ...t })) };
  return { restricted: false, targets: [...rules.queues].sort().map((q) => ({ kind: 'queue', value: q })) };
}
