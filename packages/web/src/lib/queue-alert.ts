/** A queue's alert thresholds as the server sends them with its statistics (admin console, Queues). */
export interface QueueThresholds {
  serviceLevel: number | null;
  serviceLevelTargetPercent?: number | null;
  longestWaitAlertSeconds?: number | null;
}

/** What the server uses for a queue with no settings of its own. */
export const DEFAULT_THRESHOLDS = { serviceLevelTargetPercent: 80, longestWaitAlertSeconds: 90 } as const;

export interface QueueAlert {
  /** Today's service level is below the queue's target. */
  serviceLevel: boolean;
  /** A caller has waited at least the queue's alert time. */
  longestWait: boolean;
}

/** Which of the queue's thresholds are crossed now (the longest wait is the live, ticking one). */
export function queueAlert(queue: QueueThresholds, longestWaitSeconds: number): QueueAlert {
  const target = queue.serviceLevelTargetPercent ?? DEFAULT_THRESHOLDS.serviceLevelTargetPercent;
  const waitLimit = queue.longestWaitAlertSeconds ?? DEFAULT_THRESHOLDS.longestWaitAlertSeconds;
  return {
    serviceLevel: queue.serviceLevel !== null && queue.serviceLevel < target,
    longestWait: longestWaitSeconds > 0 && longestWaitSeconds >= waitLimit,
  };
}
