import type { ReportResult } from '@amiable/protocol';

/** Made-up report tables with the protocol's shape, for the development preview. */
export function mockReport(name: string, from: string, to: string): ReportResult {
  const base = { report: name, from, to, generatedAt: new Date().toISOString() };
  switch (name) {
    case 'queue-summary':
      return {
        ...base,
        columns: [
          { key: 'queue', label: 'Queue', type: 'string' },
          { key: 'offered', label: 'Offered', type: 'number' },
          { key: 'answered', label: 'Answered', type: 'number' },
          { key: 'abandoned', label: 'Abandoned', type: 'number' },
          { key: 'serviceLevel', label: 'Service level', type: 'percent' },
          { key: 'abandonRate', label: 'Abandon rate', type: 'percent' },
          { key: 'asa', label: 'ASA', type: 'seconds' },
          { key: 'aht', label: 'AHT', type: 'seconds' },
        ],
        rows: [
          { queue: 'lang-en', offered: 412, answered: 391, abandoned: 21, serviceLevel: 84.2, abandonRate: 5.1, asa: 16, aht: 214 },
          { queue: 'lang-fr', offered: 188, answered: 181, abandoned: 7, serviceLevel: 91.4, abandonRate: 3.7, asa: 9, aht: 187 },
          { queue: 'lang-de', offered: 140, answered: 119, abandoned: 21, serviceLevel: 58.6, abandonRate: 15, asa: 44, aht: 259 },
        ],
        totals: { queue: null, offered: 740, answered: 691, abandoned: 49, serviceLevel: 80.9, abandonRate: 6.6, asa: 19, aht: 215 },
      };
    case 'calls-by-hour':
      return {
        ...base,
        columns: [
          { key: 'hour', label: 'Hour', type: 'string' },
          { key: 'answered', label: 'Answered', type: 'number' },
          { key: 'abandoned', label: 'Abandoned', type: 'number' },
        ],
        rows: Array.from({ length: 11 }, (_, i) => ({ hour: `${String(8 + i).padStart(2, '0')}:00`, answered: Math.round(30 + 40 * Math.sin((i / 10) * Math.PI)), abandoned: (i * 7) % 6 })),
        totals: null,
      };
    case 'agent-timesheet':
      return {
        ...base,
        columns: [
          { key: 'agent', label: 'Agent', type: 'string' },
          { key: 'signIn', label: 'Signed in', type: 'timestamp' },
          { key: 'signOut', label: 'Signed out', type: 'timestamp' },
          { key: 'ready', label: 'Ready', type: 'seconds' },
          { key: 'talk', label: 'Talk', type: 'seconds' },
          { key: 'wrapup', label: 'Wrap-up', type: 'seconds' },
          { key: 'pause', label: 'Paused', type: 'seconds' },
          { key: 'occupancy', label: 'Occupancy', type: 'percent' },
        ],
        rows: [
          { agent: 'Ada Lovelace', signIn: from, signOut: null, ready: 5400, talk: 9800, wrapup: 1300, pause: 2700, occupancy: 67.2 },
          { agent: 'Grace Hopper', signIn: from, signOut: to, ready: 4100, talk: 12100, wrapup: 1800, pause: 1900, occupancy: 78.4 },
        ],
        totals: { agent: null, signIn: null, signOut: null, ready: 9500, talk: 21900, wrapup: 3100, pause: 4600, occupancy: 72.8 },
      };
    default:
      return {
        ...base,
        columns: [
          { key: 'name', label: 'Name', type: 'string' },
          { key: 'count', label: 'Count', type: 'number' },
          { key: 'duration', label: 'Duration', type: 'seconds' },
        ],
        rows: [
          { name: 'Lunch', count: 12, duration: 21600 },
          { name: 'Short break', count: 31, duration: 9300 },
          { name: 'Training', count: 3, duration: 10800 },
        ],
        totals: { name: null, count: 46, duration: 41700 },
      };
  }
}
