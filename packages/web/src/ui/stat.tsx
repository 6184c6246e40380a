import type { ReactNode } from 'react';

export function Stat({ label, value, small, testId, tone }: { label: string; value: ReactNode; small?: boolean; testId?: string; tone?: string }) {
  return (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <span className={`stat-value${small ? ' sm' : ''}`} data-testid={testId} style={tone ? { color: `var(--${tone})` } : undefined}>
        {value}
      </span>
    </div>
  );
}
