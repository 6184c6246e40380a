import type { ActionOutcome } from '../../engine/engine.ts';
import type { ActionContext, ActionHandler } from './types.ts';

/** Answer with the outcome, then run its follow-up (events come after the response). */
function settle(ctx: ActionContext, outcome: ActionOutcome): void {
  if (!outcome.ok) {
    ctx.error(outcome.message);
    return;
  }
  if (outcome.message) ctx.success(outcome.message, outcome.extra);
  else ctx.success(undefined, outcome.extra);
  outcome.after();
}

export const originate: ActionHandler = (ctx) => {
  const variables: Array<[string, string]> = [];
  for (const v of ctx.msg.getAll('Variable')) {
    for (const pair of v.split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) variables.push([pair.slice(0, eq).trim(), pair.slice(eq + 1)]);
    }
  }
  const timeout = Number.parseInt(ctx.get('Timeout') ?? '', 10);
  settle(
    ctx,
    ctx.engine.originate({
      channel: ctx.get('Channel') ?? '',
      context: ctx.get('Context'),
      exten: ctx.get('Exten'),
      application: ctx.get('Application'),
      data: ctx.get('Data'),
      callerId: ctx.get('CallerID'),
      timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
      actionId: ctx.actionId,
      variables,
    }),
  );
};

export const hangup: ActionHandler = (ctx) => {
  const channel = ctx.get('Channel');
  if (!channel) return ctx.error('No channel specified');
  const cause = Number.parseInt(ctx.get('Cause') ?? '', 10);
  settle(ctx, ctx.engine.hangup(channel, cause >= 0 && cause <= 127 ? cause : 16));
};

export const redirect: ActionHandler = (ctx) => {
  const channel = ctx.get('Channel');
  const exten = ctx.get('Exten');
  const context = ctx.get('Context');
  if (!channel) return ctx.error('Channel not specified');
  if (!ctx.core.findChannel(channel)) return ctx.error(`Channel does not exist: ${channel}`);
  if (!exten || !context) return ctx.error('Exten not specified');
  settle(ctx, ctx.engine.redirect(channel, exten, context));
};

export const blindTransfer: ActionHandler = (ctx) => {
  const channel = ctx.get('Channel');
  const exten = ctx.get('Exten');
  if (!channel) return ctx.error('No channel specified');
  if (!exten) return ctx.error('No extension specified');
  settle(ctx, ctx.engine.blindTransfer(channel, exten, ctx.get('Context')));
};

export const atxfer: ActionHandler = (ctx) => {
  const channel = ctx.get('Channel');
  const exten = ctx.get('Exten');
  if (!channel) return ctx.error('No channel specified');
  if (!exten) return ctx.error('No extension specified');
  settle(ctx, ctx.engine.atxfer(channel, exten, ctx.get('Context')));
};

export const mixMonitor: ActionHandler = (ctx) => {
  const channel = ctx.get('Channel');
  if (!channel) return ctx.error('No channel specified');
  settle(ctx, ctx.engine.mixMonitor(channel, ctx.get('File')));
};

export const stopMixMonitor: ActionHandler = (ctx) => {
  const channel = ctx.get('Channel');
  if (!channel) return ctx.error('No channel specified');
  settle(ctx, ctx.engine.stopMixMonitor(channel));
};

export const mixMonitorMute: ActionHandler = (ctx) => {
  const channel = ctx.get('Channel');
  if (!channel) return ctx.error('No channel specified');
  settle(ctx, ctx.engine.mixMonitorMute(channel, ctx.get('Direction') ?? 'both', ctx.get('State') ?? '0'));
};
