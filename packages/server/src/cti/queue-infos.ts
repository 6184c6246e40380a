import { DEFAULT_QUEUE_THRESHOLDS } from '@amiable/protocol';
import type { QueueInfo } from './projector.ts';

/** What the queue display data is joined from: skills, their queues, and per-queue settings. */
export interface QueueInfoSource {
  skills(): Promise<Array<{ id: string; kind: string; name: string; label: string | null }>>;
  skillQueues(): Promise<Array<{ skillId: string; queue: string }>>;
  queueSettings(): Promise<
    Array<{
      queue: string;
      language: string | null;
      displayName: string | null;
      popupUrlTemplate: string | null;
      serviceLevelSeconds: number | null;
      serviceLevelTargetPercent?: number | null;
      longestWaitAlertSeconds?: number | null;
    }>
  >;
}

export interface QueueInfos {
  /** The display data of a queue; a queue without settings is read from its name (`lang-xx`). */
  get(queue: string): QueueInfo;
  /** Joins the source again (after a settings change, and periodically). */
  reload(): Promise<void>;
}

/** Joins queue settings with the skill a queue stands for: the language, skill label, pop-up URL, service level and alert thresholds. */
export function createQueueInfos(source: QueueInfoSource): QueueInfos {
  const infos = new Map<string, QueueInfo>();
  return {
    get: (q) =>
      infos.get(q) ?? { language: /^lang-([a-z]{2})$/.exec(q)?.[1] ?? null, skill: null, popupUrlTemplate: null, ...DEFAULT_QUEUE_THRESHOLDS },
    async reload() {
      const skills = await source.skills();
      const skillQueues = await source.skillQueues();
      for (const s of await source.queueSettings()) {
        const skill = skills.find((k) => skillQueues.some((m) => m.skillId === k.id && m.queue === s.queue));
        infos.set(s.queue, {
          language: s.language ?? (skill?.kind === 'language' ? skill.name : null),
          skill: skill?.label ?? s.displayName,
          popupUrlTemplate: s.popupUrlTemplate,
          serviceLevelSeconds: s.serviceLevelSeconds ?? DEFAULT_QUEUE_THRESHOLDS.serviceLevelSeconds,
          serviceLevelTargetPercent: s.serviceLevelTargetPercent ?? DEFAULT_QUEUE_THRESHOLDS.serviceLevelTargetPercent,
          longestWaitAlertSeconds: s.longestWaitAlertSeconds ?? DEFAULT_QUEUE_THRESHOLDS.longestWaitAlertSeconds,
        });
      }
    },
  };
}
