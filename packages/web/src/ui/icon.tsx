/**
 * Line icons drawn in SVG (24×24 grid, stroke = currentColor), so they look
 * the same on every system whatever fonts it has.
 */
const PATHS = {
  phone: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z',
  grid: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  users: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1M16 3.5a4 4 0 0 1 0 7.5M22 21v-1a6 6 0 0 0-4-5.6',
  headset: 'M4 15v-3a8 8 0 0 1 16 0v3M4 15a2 2 0 0 0 2 2h1v-5H6a2 2 0 0 0-2 2zM20 15a2 2 0 0 1-2 2h-1v-5h1a2 2 0 0 1 2 2zM18 17v1a3 3 0 0 1-3 3h-3',
  route: 'M6 3v12M18 9v12M6 15a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM18 3a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM6 9h9a3 3 0 0 1 3 3',
  monitor: 'M3 4h18v12H3zM8 20h8M12 16v4',
  pause: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM10 9v6M14 9v6',
  timer: 'M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM12 9v4l2 2M9 2h6',
  contacts: 'M5 3h13a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H5zM12 11a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM8 17a4 4 0 0 1 8 0M3 7h2M3 12h2M3 17h2',
  key: 'M8 15a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM11 11h10M18 11v3M21 11v2',
  chart: 'M4 20V4M4 20h16M8 16v-5M12 16V8M16 16v-7',
  list: 'M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01',
  shield: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z M9 12l2 2 4-4',
  plus: 'M12 5v14M5 12h14',
  alert: 'M12 3l10 18H2zM12 10v4M12 17.5h.01',
  block: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM5.6 5.6l12.8 12.8',
  gauge: 'M12 21a9 9 0 1 1 9-9M12 12l4-4M7 12h.01M12 7h.01M17 12h.01',
  menu: 'M4 6h16M4 12h16M4 18h16',
  close: 'M6 6l12 12M18 6L6 18',
  /** Points to the previous item: left in left-to-right text, right in Arabic. */
  'chevron-back': 'M15 5l-7 7 7 7',
  /** Points to the next item: right in left-to-right text, left in Arabic. */
  'chevron-forward': 'M9 5l7 7-7 7',
  'arrow-forward': 'M4 12h15M13 6l6 6-6 6',
  upload: 'M12 16V4M7 9l5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3',
} as const;

/** Icons that point along the reading direction: mirrored when the page is right to left. */
const DIRECTIONAL: ReadonlySet<string> = new Set(['chevron-back', 'chevron-forward', 'arrow-forward']);

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      className={DIRECTIONAL.has(name) ? 'icon icon-directional' : 'icon'}
      width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
