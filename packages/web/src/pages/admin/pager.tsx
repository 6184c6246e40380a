import { useT } from '../../i18n/index.ts';
import { formatNumber } from '../../lib/format.ts';
import { Icon } from '../../ui/icon.tsx';

/** Previous / next over an offset-paged list (the arrows point the reading way: mirrored in Arabic). */
export function Pager({ offset, limit, total, onChange }: { offset: number; limit: number; total: number; onChange: (offset: number) => void }) {
  const { t } = useT('admin');
  if (total <= limit) return null;
  return (
    <div className="pager">
      <span className="small muted">
        {t('pager.range', { first: formatNumber(offset + 1), last: formatNumber(Math.min(total, offset + limit)), total: formatNumber(total) })}
      </span>
      <button type="button" className="btn btn-sm" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))} data-testid="pager-previous">
        <Icon name="chevron-back" size={16} />
        {t('pager.previous')}
      </button>
      <button type="button" className="btn btn-sm" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)} data-testid="pager-next">
        {t('pager.next')}
        <Icon name="chevron-forward" size={16} />
      </button>
    </div>
  );
}
