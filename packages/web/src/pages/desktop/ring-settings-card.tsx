import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { unlockRingAudio } from '../../lib/ring-tone.ts';
import { Card } from '../../ui/card.tsx';

type Permission = NotificationPermission | 'unsupported';

function currentPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** The ring settings of this browser: the sound on or off, and desktop notifications (asked on a click). */
export function RingSettingsCard({ sound, onSound }: { sound: boolean; onSound: (on: boolean) => void }) {
  const { t } = useT('desk');
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const ask = () => {
    unlockRingAudio();
    Notification.requestPermission().then(setPermission, (error: unknown) => {
      console.warn('Notification permission request failed', error);
      setPermission(currentPermission());
    });
  };
  return (
    <Card title={t('alerts.title')} testId="ring-settings">
      <div className="stack-tight">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={sound}
            onChange={(e) => {
              if (e.target.checked) unlockRingAudio();
              onSound(e.target.checked);
            }}
            data-testid="toggle-ring-sound"
          />
          {t('alerts.sound')}
        </label>
        {permission === 'default' && (
          <button type="button" className="btn btn-sm" onClick={ask} data-testid="btn-enable-notifications">
            {t('alerts.enableNotifications')}
          </button>
        )}
        {permission === 'granted' && <span className="small muted" data-testid="notifications-on">{t('alerts.notificationsOn')}</span>}
        {permission === 'denied' && <span className="small muted">{t('alerts.notificationsDenied')}</span>}
        {permission === 'unsupported' && <span className="small muted">{t('alerts.notificationsUnsupported')}</span>}
      </div>
    </Card>
  );
}
