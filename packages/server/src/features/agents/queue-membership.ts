import type { AmiMessage } from '@amiable/ami';
import { eventMatcher, type Expectation, type PbxLink } from '../common/pbx-link.ts';
import { CtiServiceError, ServiceErrors } from '../common/service-errors.ts';

/** The reason the CTI server puts on QueuePause while an agent is in wrap-up. */
export const WRAPUP_REASON = 'wrap-up';

export interface MemberRef {
  pbx: string;
  iface: string;
  memberName: string;
}

/**
 * Queue membership changes on one Asterisk, each confirmed by the event that
 * proves it happened (QueueMemberAdded / Removed / Pause), not only by the response.
 */
export class QueueMembership {
  readonly #pbx: PbxLink;
  readonly #timeoutMs: number;

  constructor(pbx: PbxLink, timeoutMs: number) {
    this.#pbx = pbx;
    this.#timeoutMs = timeoutMs;
  }

  async add(member: MemberRef, queue: string, penalty: number, paused: boolean, reason?: string): Promise<void> {
    const wait = this.#expect(member.pbx, 'QueueMemberAdded', { Queue: queue, Interface: member.iface });
    const response = await this.#send(
      member.pbx,
      {
        Action: 'QueueAdd',
        Queue: queue,
        Interface: member.iface,
        Penalty: penalty,
        Paused: paused,
        ...(paused && reason ? { Reason: reason } : {}),
        MemberName: member.memberName,
        StateInterface: member.iface,
      },
      [wait],
      /Already there/i,
    );
    if (response === 'already') {
      // Already a member (e.g. re-applied after a reconnect): make the pause state right.
      await this.pause(member, paused, reason, [queue]);
      return;
    }
    await this.#confirm([wait], 'QueueAdd');
  }

  async remove(member: MemberRef, queue: string): Promise<void> {
    const wait = this.#expect(member.pbx, 'QueueMemberRemoved', { Queue: queue, Interface: member.iface });
    const response = await this.#send(
      member.pbx,
      { Action: 'QueueRemove', Queue: queue, Interface: member.iface },
      [wait],
      /Not there|Unable to remove interface/i,
    );
    if (response !== 'already') await this.#confirm([wait], 'QueueRemove');
  }

  /** Pause or unpause in `queues` (all of them in one action when it lists every queue of the member). */
  async pause(member: MemberRef, paused: boolean, reason: string | undefined, queues: string[], single = false): Promise<void> {
    if (queues.length === 0) return;
    const targets = single || queues.length === 1 ? queues : [undefined];
    for (const queue of targets) {
      const waits = (queue ? [queue] : queues).map((q) =>
        this.#expect(member.pbx, 'QueueMemberPause', {
          Queue: q,
          Interface: member.iface,
          Paused: paused ? '1' : '0',
        }),
      );
      await this.#send(
        member.pbx,
        {
          Action: 'QueuePause',
          ...(queue ? { Queue: queue } : {}),
          Interface: member.iface,
          Paused: paused,
          ...(paused && reason ? { Reason: reason } : {}),
        },
        waits,
      );
      await this.#confirm(waits, 'QueuePause');
    }
  }

  #expect(pbx: string, event: string, fields: Record<string, string>): Expectation {
    return this.#pbx.expect(pbx, eventMatcher(event, fields), this.#timeoutMs);
  }

  async #send(
    pbx: string,
    action: Parameters<PbxLink['send']>[1],
    waits: Expectation[],
    benign?: RegExp,
  ): Promise<AmiMessage | 'already'> {
    if (!this.#pbx.isReady(pbx)) {
      for (const w of waits) w.cancel();
      throw ServiceErrors.pbxUnavailable(`The PBX ${pbx} is not connected`, { pbx });
    }
    try {
      return await this.#pbx.send(pbx, action);
    } catch (err) {
      for (const w of waits) w.cancel();
      const message = (err as Error).message;
      if (benign?.test(message)) return 'already';
      if (err instanceof CtiServiceError) throw err;
      throw ServiceErrors.pbxRejected(`Asterisk refused ${String((action as Record<string, unknown>).Action)}: ${message}`, {
        pbx,
      });
    }
  }

  async #confirm(waits: Expectation[], action: string): Promise<void> {
    try {
      await Promise.all(waits.map((w) => w.done));
    } catch {
      for (const w of waits) w.cancel();
      throw ServiceErrors.notConfirmed(`Asterisk accepted ${action} but did not confirm it in time`);
    }
  }
}
