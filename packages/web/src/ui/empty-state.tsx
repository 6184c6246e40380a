import type { ReactNode } from 'react';

export function EmptyState({ icon = '○', title, children, testId }: { icon?: ReactNode; title: string; children?: ReactNode; testId?: string }) {
  return (
    <div className="empty" data-testid={testId}>
      <div className="empty-icon" aria-hidden="true">
        {icon}
      </div>
      <strong>{title}</strong>
      {children && <div className="small">{children}</div>}
    </div>
  );
}
