/** Colour thresholds of the wallboard, in one place. */

/** A queue is calm with nobody waiting, warns past 30 s of wait, alarms past 90 s or with 5+ callers. */
export function waitTone(waiting: number, longestWaitSeconds: number): 'calm' | 'warn' | 'alarm' {
  if (waiting === 0) return 'calm';
  if (longestWaitSeconds >= 90 || waiting >= 5) return 'alarm';
  if (longestWaitSeconds >= 30) return 'warn';
  return 'calm';
}

/** Service level: green from 80 %, amber from 60 %, red below. */
export function serviceLevelTone(serviceLevel: number | null | undefined): 'success' | 'warning' | 'danger' | undefined {
  if (serviceLevel === null || serviceLevel === undefined) return undefined;
  if (serviceLevel >= 80) return 'success';
  if (serviceLevel >= 60) return 'warning';
  return 'danger';
}
