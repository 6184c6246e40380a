import { useT } from '../../i18n/index.ts';
import { useDeskStatus } from './desk-status.tsx';

/** Says plainly that the server cannot be reached (or that the desk is confirming its state again). */
export function OfflineBanner() {
  const { t } = useT('desk');
  const { link } = useDeskStatus();
  if (link === 'online') return null;
  return (
    <div className={`banner ${link === 'offline' ? 'banner-danger' : 'banner-warning'} desk-offline`} role="alert" data-testid="desk-offline" data-link={link}>
      <strong>{t(link === 'offline' ? 'offline.title' : 'offline.confirmingTitle')}</strong> {t(link === 'offline' ? 'offline.body' : 'offline.confirmingBody')}
    </div>
  );
}
