import { AmiError, AmiLimitError, AmiMessage, validatePairs } from '@amiable/ami';
import { ActionHeaders } from './action-headers.ts';
import { auditAction } from './audit.ts';
import type { ClientSession, Unparsed } from './client-session.ts';
import type { PortContext } from './context.ts';
import {
  AmiPortBadRequestError,
  AmiPortError,
  AmiPortDispositionRequiredError,
  AmiPortForbiddenError,
  AmiPortNotLoggedInError,
} from './errors.ts';
import { maskReply, parseEventMask } from './event-mask.ts';
import { forward } from './forward.ts';
import { answerList, isListAction } from './list-answers.ts';
import { handleChallenge, handleLogin } from './login.ts';
import { hangupPolicy, originatePolicy, redirectPolicy, transferPolicy } from './policy-call.ts';
import { queueAddPolicy, queuePausePolicy, queueRemovePolicy } from './policy-queue.ts';
import type { ActionPolicy, PolicyContext } from './policy-types.ts';
import { amiTimestamp, errorResponse, type Pairs, response } from './wire.ts';

/** The write actions a client may send; each is checked against its scope and rebuilt before forwarding. */
const WRITE_POLICIES: ReadonlyMap<string, ActionPolicy> = new Map([
  ['queueadd', queueAddPolicy],
  ['queueremove', queueRemovePolicy],
  ['queuepause', queuePausePolicy],
  ['originate', originatePolicy],
  ['redirect', redirectPolicy],
  ['blindtransfer', transferPolicy],
  ['atxfer', transferPolicy],
  ['hangup', hangupPolicy],
]);

/** Audited when handling an action failed unexpectedly (the details are in the log). */
const INTERNAL = 'CTI_ERR_INTERNAL';

/** Actions Asterisk accepts before login. */
const BEFORE_LOGIN = new Set(['login', 'challenge', 'logoff']);

/**
 * Answers one client action: limits first, then login state, then the allow-list.
 * Every outcome, allowed or refused, is audited.
 */
export function createActionHandler(ctx: PortContext): (session: ClientSession, input: AmiMessage | Unparsed) => Promise<void> {
  return async (session, input) => {
    if (!(input instanceof AmiMessage)) {
      refuse(ctx, session, '(unparsed)', undefined, input.error);
      return;
    }
    const pairs = input.pairs();
    const h = new ActionHeaders(pairs);
    try {
      checkLimits(pairs);
      if (h.name === '') throw new AmiPortBadRequestError('Missing action in request');
      const lower = h.name.toLowerCase();
      if (!session.loggedIn && !BEFORE_LOGIN.has(lower)) throw new AmiPortNotLoggedInError();
      await dispatch(ctx, session, h, lower);
    } catch (error) {
      if (error instanceof AmiError || error instanceof AmiPortError) {
        refuse(ctx, session, h.name || '(none)', h, error);
        return;
      }
      ctx.logger.error({ err: error, session: session.id, command: h.name }, 'AMI port action failed');
      auditAction(ctx, session, h.name || '(none)', h, INTERNAL);
      session.send(errorResponse(h.actionId, 'Internal error'));
    }
  };
}

async function dispatch(ctx: PortContext, session: ClientSession, h: ActionHeaders, lower: string): Promise<void> {
  switch (lower) {
    case 'login':
      return handleLogin(ctx, session, h);
    case 'challenge':
      return handleChallenge(ctx, session, h);
    case 'logoff':
      auditAction(ctx, session, h.name, h, null);
      session.end(response('Goodbye', h.actionId, [['Message', 'Thanks for all the fish.']]));
      return;
    case 'ping':
      auditAction(ctx, session, h.name, h, null);
      session.send(
        response('Success', h.actionId, [
          ['Ping', 'Pong'],
          ['Timestamp', amiTimestamp(ctx.now())],
        ]),
      );
      return;
    case 'events': {
      const value = h.get('EventMask') ?? '';
      if (value.trim() === '') throw new AmiPortBadRequestError('Invalid event mask');
      session.mask = parseEventMask(value);
      auditAction(ctx, session, h.name, h, null);
      session.send(response('Success', h.actionId, [['Events', maskReply(session.mask)]]));
      return;
    }
  }
  if (isListAction(lower)) {
    const messages = answerList(h, {
      model: ctx.model,
      scope: session.scope!.seeOn(ctx.config.defaultPbxId),
      scopeOn: (pbxId) => session.scope!.seeOn(pbxId),
      view: (pbxId) => ctx.pbx.view(pbxId),
      now: ctx.now(),
    });
    auditAction(ctx, session, h.name, h, null);
    for (const m of messages) session.send(m);
    return;
  }
  const policy = WRITE_POLICIES.get(lower);
  if (policy === undefined) throw new AmiPortForbiddenError(`action ${h.name} is not allowed`);
  const plan = policy(h, policyContext(ctx, session));
  await checkPauseReasons(ctx, plan.actions);
  await checkReadyGate(ctx, session, plan.actions);
  await forward(ctx, session, h, plan);
}

const UNPAUSED = /^(?:false|no|off|0|n|f)$/i;

/** An agent's unpause is her Ready: refused, as on the WebSocket API, while a disposition is owed. */
async function checkReadyGate(ctx: PortContext, session: ClientSession, actions: readonly Pairs[]): Promise<void> {
  const agentId = session.principal?.agentId;
  if (!ctx.readyGate || !agentId || session.principal?.role === 'admin') return;
  const unpauses = actions.some((a) => a.some(([k, v]) => k === 'Action' && v === 'QueuePause') && a.some(([k, v]) => k === 'Paused' && UNPAUSED.test(v)));
  if (!unpauses) return;
  const refusal = await ctx.readyGate.refusal(agentId);
  if (refusal !== null) throw new AmiPortDispositionRequiredError(refusal);
}

/** A pause reason must be one of the configured reasons, as on the WebSocket API. */
async function checkPauseReasons(ctx: PortContext, actions: readonly Pairs[]): Promise<void> {
  if (!ctx.pauseReasons) return;
  const reasons = new Set(actions.flatMap((a) => a.filter(([k]) => k === 'Reason').map(([, v]) => v)));
  for (const reason of reasons) {
    if (!(await ctx.pauseReasons.isConfigured(reason))) {
      throw new AmiPortForbiddenError(`pause reason ${reason} is not one of the configured reasons`, { reason });
    }
  }
}

function policyContext(ctx: PortContext, session: ClientSession): PolicyContext {
  const scope = session.scope!;
  const home = scope.homePbx();
  return {
    // "May act on" (the desks the client may use) is not "may see" (the desk it sits at).
    scope: scope.actOn(home),
    actOn: (pbxId) => scope.actOn(pbxId),
    allowedContext: ctx.config.allowedContext,
    defaultPbxId: home,
    findChannel: (name) => ctx.pbx.findChannel(name),
  };
}

/** Asterisk's input limits: 128 header lines, about 1 KiB per line; no CR, LF or NUL inside a value. */
function checkLimits(pairs: ReadonlyArray<[string, string]>): void {
  const at = pairs.findIndex(([k]) => k.toLowerCase() === 'action');
  // The codec's validator expects Action first; a missing Action is reported afterwards.
  const ordered: Array<[string, string]> =
    at === -1 ? [['Action', 'none'], ...pairs] : [pairs[at]!, ...pairs.slice(0, at), ...pairs.slice(at + 1)];
  validatePairs(ordered);
}

function refuse(
  ctx: PortContext,
  session: ClientSession,
  command: string,
  h: ActionHeaders | undefined,
  error: AmiError | AmiPortError,
): void {
  ctx.stats.actionsRefused++;
  auditAction(ctx, session, command, h, error.code);
  if (error instanceof AmiPortForbiddenError || !(error instanceof AmiPortError)) {
    ctx.logger.warn({ session: session.id, user: session.principal?.username, command, code: error.code, reason: error.message }, 'AMI port refused an action');
  }
  session.send(errorResponse(h?.actionId, amiText(error)));
}

/** The `Message:` text for a refusal. Limit errors use Asterisk's own wording. */
function amiText(error: AmiError | AmiPortError): string {
  if (error instanceof AmiPortError) return error.amiMessage;
  if (error instanceof AmiLimitError && error.details?.headers !== undefined) {
    return 'Too many lines in message or allocation failure';
  }
  if (error.code === 'AMI_ERR_INVALID_HEADER') return 'Failed to parse message: invalid header';
  return 'Failed to parse message: line too long';
}
