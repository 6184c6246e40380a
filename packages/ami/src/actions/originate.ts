import { AmiForbiddenError, AmiInvalidArgumentError } from '../errors.ts';
import type { AmiAction } from './action.ts';
import {
  callerId,
  channelId,
  context,
  exten,
  integer,
  interfaceName,
  label,
  priority,
  variableName,
  variableValue,
} from './validate.ts';

export interface OriginateParams {
  /** What to call first, e.g. `PJSIP/1001` or `Local/+15551234567@outbound`. */
  channel: string;
  /** Dialplan target once `channel` answers: exten + context (+ priority, default 1)... */
  exten?: string;
  context?: string;
  priority?: number | string;
  /** ...or an application, which must be on the allow-list. */
  application?: string;
  data?: string;
  /** Ring time in milliseconds. Default 30 000. */
  timeoutMs?: number;
  callerId?: { name?: string; number: string } | string;
  /** Channel variables, one `Variable:` header each. Names are plain (no functions). */
  variables?: Readonly<Record<string, string>>;
  account?: string;
  earlyMedia?: boolean;
  /** Uniqueid to give the new channel (a UUID we generate lets us match it before OriginateResponse). */
  channelId?: string;
  otherChannelId?: string;
}

export interface OriginatePolicy {
  /**
   * Applications an Originate may run, compared without case. Set by the
   * server from its configuration, never from a client. Default: ChanSpy only.
   */
  allowedApplications?: readonly string[];
}

export const DEFAULT_ORIGINATE_APPLICATIONS: readonly string[] = ['ChanSpy'];

/**
 * Applications refused even when allowed: they run shell commands, AGI scripts,
 * other dialplan or write files (Asterisk's own originate blacklist, and more).
 */
const NEVER = /agi|system|exec|externalivr|mixmonitor|originate|dbdeltree|reload|^set$|^mset$|^eval|^gosub|^macro/i;
/** Dialplan functions and expansions refused in application data. */
const DANGEROUS_DATA = /\$[{[]|shell|eval|file\s*\(|curl|odbc|realtime|\bdb\s*\(|\bdb_/i;

/**
 * Originate, always with `Async: true`: the reply only says it was queued and
 * the outcome comes later as an OriginateResponse event. A synchronous
 * Originate would freeze the whole AMI session until the call is answered.
 */
export function originateAction(p: OriginateParams, policy: OriginatePolicy = {}): AmiAction {
  const target = p.application === undefined ? dialplanTarget(p) : applicationTarget(p, policy);
  const variables = Object.entries(p.variables ?? {}).map(
    ([name, value]) => `${variableName(name)}=${variableValue(value, `Variable ${name}`)}`,
  );
  return {
    Action: 'Originate',
    Channel: interfaceName(p.channel, 'Channel'),
    ...target,
    CallerID: p.callerId === undefined ? undefined : callerId(p.callerId),
    Timeout: integer(p.timeoutMs ?? 30_000, 'Timeout', 1_000, 600_000),
    Variable: variables.length > 0 ? variables : undefined,
    Account: p.account === undefined ? undefined : label(p.account, 'Account', 80),
    EarlyMedia: p.earlyMedia,
    ChannelId: p.channelId === undefined ? undefined : channelId(p.channelId),
    OtherChannelId: p.otherChannelId === undefined ? undefined : channelId(p.otherChannelId, 'OtherChannelId'),
    Async: true,
  };
}

function dialplanTarget(p: OriginateParams): Record<string, string> {
  if (p.data !== undefined) throw new AmiInvalidArgumentError('Data needs an application', { field: 'Data' });
  if (p.exten === undefined || p.context === undefined) {
    throw new AmiInvalidArgumentError('Originate needs exten and context, or an application', { field: 'Exten' });
  }
  return { Context: context(p.context), Exten: exten(p.exten), Priority: priority(p.priority ?? 1) };
}

function applicationTarget(p: OriginateParams, policy: OriginatePolicy): Record<string, string> {
  if (p.exten !== undefined || p.context !== undefined || p.priority !== undefined) {
    throw new AmiInvalidArgumentError('Give either exten/context/priority or an application, not both', {
      field: 'Application',
    });
  }
  const app = p.application ?? '';
  const allowed = policy.allowedApplications ?? DEFAULT_ORIGINATE_APPLICATIONS;
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(app) || NEVER.test(app)) {
    throw new AmiForbiddenError(`Originate may not run application ${JSON.stringify(app)}`, { application: app });
  }
  if (!allowed.some((a) => a.toLowerCase() === app.toLowerCase())) {
    throw new AmiForbiddenError(`Application ${app} is not on the Originate allow-list`, { application: app, allowed });
  }
  const data = p.data === undefined ? undefined : label(p.data, 'Data', 512);
  if (data !== undefined && DANGEROUS_DATA.test(data)) {
    throw new AmiForbiddenError('Originate data may not use dialplan functions or expansions', { field: 'Data' });
  }
  return data === undefined ? { Application: app } : { Application: app, Data: data };
}
