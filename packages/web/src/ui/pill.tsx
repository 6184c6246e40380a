import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info' | 'primary';

export function Pill({ tone = 'neutral', plain, children, testId }: { tone?: Tone; plain?: boolean; children: ReactNode; testId?: string }) {
  return (
    <span className={`pill${tone === 'neutral' ? '' : ` pill-${tone}`}${plain ? ' plain' : ''}`} data-testid={testId}>
      {children}
    </span>
  );
}
