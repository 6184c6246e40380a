import { memberListItem, serviceLevelPerf, serviceLevelPerf2 } from '../../model/queue.ts';
import { hashOrder } from '../../util/format.ts';
import { type ActionHandler, isTrue } from './types.ts';

export const queueAdd: ActionHandler = (ctx) => {
  const queue = ctx.get('Queue');
  const iface = ctx.get('Interface');
  if (!queue || !iface) {
    ctx.error("'Queue' or 'Interface' not set.");
    return;
  }
  const penalty = ctx.get('Penalty');
  const wrapup = ctx.get('Wrapuptime');
  // Events caused by the action follow its response, so check first, answer, then act.
  const q = ctx.core.queues.get(queue);
  if (!q) return ctx.error('Unable to add interface to queue: No such queue');
  if (q.members.some((m) => m.iface === iface)) return ctx.error('Unable to add interface: Already there');
  ctx.success('Added interface to queue');
  ctx.engine.queues.add({
    queue,
    iface,
    memberName: ctx.get('MemberName'),
    stateInterface: ctx.get('StateInterface'),
    penalty: penalty ? Number.parseInt(penalty, 10) || 0 : 0,
    paused: isTrue(ctx.get('Paused')),
    reason: ctx.get('Reason'),
    wrapuptime: wrapup ? Number.parseInt(wrapup, 10) || 0 : undefined,
  });
};

export const queueRemove: ActionHandler = (ctx) => {
  const queue = ctx.get('Queue');
  const iface = ctx.get('Interface');
  if (!queue || !iface) return ctx.error('Need \'Queue\' and \'Interface\' parameters.');
  const q = ctx.core.queues.get(queue);
  if (!q) return ctx.error('Unable to remove interface from queue: No such queue');
  if (!q.members.some((m) => m.iface === iface)) return ctx.error('Unable to remove interface: Not there');
  ctx.success('Removed interface from queue');
  ctx.engine.queues.remove(queue, iface);
};

export const queuePause: ActionHandler = (ctx) => {
  const iface = ctx.get('Interface');
  const pausedText = ctx.get('Paused');
  if (!iface || pausedText === undefined) return ctx.error("Need 'Interface' and 'Paused' parameters.");
  const queue = ctx.get('Queue') || undefined;
  const paused = isTrue(pausedText);
  const found = [...ctx.core.queues.values()].some(
    (q) => (!queue || q.config.name === queue) && q.members.some((m) => m.iface === iface),
  );
  if (!found) return ctx.error('Interface not found');
  ctx.success(paused ? 'Interface paused successfully' : 'Interface unpaused successfully');
  ctx.engine.queues.pause(iface, paused, ctx.get('Reason') ?? '', queue);
};

export const queuePenalty: ActionHandler = (ctx) => {
  const iface = ctx.get('Interface');
  const penalty = Number.parseInt(ctx.get('Penalty') ?? '', 10);
  const queue = ctx.get('Queue') || undefined;
  const found = [...ctx.core.queues.values()].some(
    (q) => (!queue || q.config.name === queue) && q.members.some((m) => m.iface === iface),
  );
  if (!iface || !(penalty >= 0) || !found) return ctx.error('Invalid interface, queuename or penalty');
  ctx.success('Interface penalty set successfully');
  ctx.engine.queues.penalty(iface, penalty, queue);
};

/** QueueStatus: QueueParams, QueueMember, QueueEntry items; ActionID is their last header. */
export const queueStatus: ActionHandler = (ctx) => {
  const { core } = ctx;
  const only = ctx.get('Queue') || undefined;
  const member = ctx.get('Member') || undefined;
  const now = core.now();
  ctx.listStart('Queue status will follow');
  let n = 0;
  const tail = (pairs: Array<[string, string]>) => (ctx.actionId === undefined ? pairs : [...pairs, ['ActionID', ctx.actionId] as [string, string]]);
  for (const q of hashOrder([...core.queues.values()], (x) => x.config.name)) {
    if (only && q.config.name !== only) continue;
    ctx.session.send([
      ['Event', 'QueueParams'],
      ...tail([
        ['Queue', q.config.name],
        ['Max', String(q.config.maxlen)],
        ['Strategy', q.config.strategy],
        ['Calls', String(q.entries.length)],
        ['Holdtime', String(Math.round(q.holdtime))],
        ['TalkTime', String(Math.round(q.talktime))],
        ['Completed', String(q.completed)],
        ['Abandoned', String(q.abandoned)],
        ['ServiceLevel', String(q.config.servicelevel)],
        ['ServicelevelPerf', serviceLevelPerf(q)],
        ['ServicelevelPerf2', serviceLevelPerf2(q)],
        ['Weight', String(q.config.weight)],
      ]),
    ]);
    n++;
    for (const m of q.members) {
      if (member && m.iface !== member && m.name !== member) continue;
      ctx.session.send([['Event', 'QueueMember'], ...memberListItem(m, ctx.actionId)]);
      n++;
    }
    q.entries.forEach((e, i) => {
      const ch = e.channel;
      ctx.session.send([
        ['Event', 'QueueEntry'],
        ...tail([
          ['Queue', q.config.name],
          ['Position', String(i + 1)],
          ['Channel', ch.name],
          ['Uniqueid', ch.uniqueid],
          ['CallerIDNum', ch.callerNum || 'unknown'],
          ['CallerIDName', ch.callerName || 'unknown'],
          ['ConnectedLineNum', ch.connNum || 'unknown'],
          ['ConnectedLineName', ch.connName || 'unknown'],
          ['Wait', String(Math.floor((now - e.joinedAt) / 1000))],
          ['Priority', '0'],
        ]),
      ]);
      n++;
    });
  }
  ctx.listComplete('QueueStatusComplete', n);
};

export const queueSummary: ActionHandler = (ctx) => {
  const { core } = ctx;
  const only = ctx.get('Queue') || undefined;
  const now = core.now();
  ctx.listStart('Queue summary will follow');
  let n = 0;
  for (const q of hashOrder([...core.queues.values()], (x) => x.config.name)) {
    if (only && q.config.name !== only) continue;
    const loggedIn = q.members.filter((m) => m.status !== 5 && m.status !== 4).length;
    const available = q.members.filter((m) => !m.paused && (m.status === 1 || m.status === 0)).length;
    const longest = q.entries.reduce((acc, e) => Math.max(acc, Math.floor((now - e.joinedAt) / 1000)), 0);
    const pairs: Array<[string, string]> = [
      ['Event', 'QueueSummary'],
      ['Queue', q.config.name],
      ['LoggedIn', String(loggedIn)],
      ['Available', String(available)],
      ['Callers', String(q.entries.length)],
      ['HoldTime', String(Math.round(q.holdtime))],
      ['TalkTime', String(Math.round(q.talktime))],
      ['LongestHoldTime', String(longest)],
    ];
    if (ctx.actionId !== undefined) pairs.push(['ActionID', ctx.actionId]);
    ctx.session.send(pairs);
    n++;
  }
  ctx.listComplete('QueueSummaryComplete', n);
};
