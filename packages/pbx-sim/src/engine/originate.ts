import type { CallerParty } from './caller-party.ts';
import type { PbxCore } from './core.ts';
import { refreshEndpoint } from './devices.ts';
import { type Route, routeFor, runSteps } from './dialplan.ts';
import { DialCall, type DialHost } from './dial-app.ts';
import { dialBegin, dialEnd, dialState, hangup, newConnectedLine, newchannel, newstate, originateResponse } from './events.ts';
import { appStart, newexten } from './noise.ts';
import { PhoneCaller } from './phone-caller.ts';
import type { QueueService } from './queue-service.ts';
import { TrunkCaller } from './trunk-caller.ts';

export interface OriginateRequest {
  channel: string;
  context?: string | undefined;
  exten?: string | undefined;
  application?: string | undefined;
  data?: string | undefined;
  callerId?: string | undefined;
  timeoutMs?: number | undefined;
  actionId?: string | undefined;
  variables?: Array<[string, string]> | undefined;
}

export interface OriginateDeps {
  core: PbxCore;
  queues: QueueService;
  dials: DialHost;
  /** Start a supervisor ChanSpy session on an answered leg. */
  chanspy(party: PhoneCaller, data: string): void;
}

/** `"Jane Customer" <+15551234567>` → [number, name]. */
export function parseCallerId(text: string | undefined): [string, string] {
  if (!text) return ['', ''];
  const m = /^\s*(?:"([^"]*)"|([^<]*?))\s*<([^>]*)>\s*$/.exec(text);
  if (m) return [m[3] ?? '', (m[1] ?? m[2] ?? '').trim()];
  return [text.trim(), ''];
}

/** Check an originate before answering the action: undefined means it will be queued. */
export function validateOriginate(deps: OriginateDeps, req: OriginateRequest): string | undefined {
  if (!req.channel) return 'Channel not specified';
  const { core } = deps;
  const local = /^Local\/([^@]+)@trunk-sim$/i.exec(req.channel);
  const pjsip = /^PJSIP\/([^/]+)$/i.exec(req.channel);
  if (!local && !pjsip) return 'Invalid channel';
  if (pjsip && !core.hasEndpoint(pjsip[1]!)) return 'Invalid channel';
  if (req.application) {
    if (!pjsip) return 'Invalid channel';
    return undefined;
  }
  if (!req.exten || !req.context) return 'Extension does not exist.';
  if (!routeFor(core, req.context, req.exten, '', '')) return 'Extension does not exist.';
  return undefined;
}

/** Run a route's dialplan on the caller, ending in Queue() or Dial(). */
export function runRoute(deps: OriginateDeps, party: CallerParty, route: Route): void {
  runSteps(deps.core, party.channel, route.steps);
  if (route.end.kind === 'queue') deps.queues.enter(party, route.end.queue);
  else new DialCall(deps.core, deps.dials, party, route.end.endpoint).start();
}

/** Look up <context>/<exten> for the caller and run it (hang up when there is no such extension). */
export function routeForCall(deps: OriginateDeps, party: CallerParty, context: string, exten: string): void {
  const route = routeFor(deps.core, context, exten, party.channel.callerNum, party.channel.callerName);
  if (route) runRoute(deps, party, route);
  else party.hangupCaller();
}

/** An Async Originate, after `Originate successfully queued` has been sent. */
export function originate(deps: OriginateDeps, req: OriginateRequest): void {
  const local = /^Local\/([^@]+)@trunk-sim$/i.exec(req.channel);
  if (local) {
    const [num, name] = parseCallerId(req.callerId);
    const number = local[1]!;
    const context = req.context!;
    const exten = req.exten!;
    const caller = new TrunkCaller(deps.core, {
      number,
      callerNumber: num || number,
      name,
      context,
      exten,
      actionId: req.actionId,
      variables: req.variables ?? [],
    });
    caller.start(() => routeForCall(deps, caller, context, exten));
    return;
  }
  const endpoint = req.channel.replace(/^PJSIP\//i, '');
  originatePhone(deps, endpoint, req);
}

/** Originate of an agent phone: it rings first, and runs the target once answered. */
function originatePhone(deps: OriginateDeps, endpoint: string, req: OriginateRequest): void {
  const { core } = deps;
  const [num, name] = parseCallerId(req.callerId);
  const leg = core.pjsipChannel(endpoint, undefined);
  newchannel(core, leg);
  appStart(core, leg, 'AppDial2', '(Outgoing Line)');
  newConnectedLine(core, leg, num || leg.callerNum, name || leg.callerName);
  dialBegin(core, undefined, leg, endpoint);
  newstate(core, leg, 5);
  dialState(core, undefined, leg, 'RINGING');
  refreshEndpoint(core, endpoint);
  const target = req.application
    ? { application: req.application, data: req.data ?? '' }
    : { context: req.context ?? 'internal', exten: req.exten ?? 's' };
  const fail = (reason: number, status: string, cause: number) => {
    timer.cancel();
    core.phones.stopRinging(leg);
    dialEnd(core, undefined, leg, status);
    hangup(core, leg, cause);
    refreshEndpoint(core, endpoint);
    originateResponse(core, req.actionId, leg, target, reason);
  };
  const timer = core.scheduler.after(req.timeoutMs ?? 30000, () => fail(3, 'NOANSWER', 19));
  leg.handler = { hangup: (_c, _how, cause) => fail(1, 'CANCEL', cause) };
  core.phones.ring(leg, {
    answer: () => {
      timer.cancel();
      newstate(core, leg, 6);
      originateResponse(core, req.actionId, leg, target, 4);
      dialEnd(core, undefined, leg, 'ANSWER');
      refreshEndpoint(core, endpoint);
      core.phones.answered(leg);
      const party = new PhoneCaller(core, leg);
      if (req.application) {
        // ChanSpy runs with no Newexten of its own (chanspy-listen-whisper-barge).
        if (req.application.toLowerCase() === 'chanspy') {
          deps.chanspy(party, req.data ?? '');
          return;
        }
        newexten(core, leg, leg.context, leg.exten, 1, req.application, req.data ?? '');
        return;
      }
      const route = routeFor(core, req.context ?? 'internal', req.exten ?? 's', leg.callerNum, leg.callerName);
      if (route) runRoute(deps, party, route);
      else party.hangupCaller();
    },
    busy: () => fail(5, 'BUSY', 17),
    reject: () => fail(1, 'NOANSWER', 21),
  });
}
