import { useEffect, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { formatPhone } from '../../lib/format.ts';
import { startRingTone } from '../../lib/ring-tone.ts';
import type { ScreenPop } from '../../lib/screen-pop.ts';

/**
 * While the agent's phone rings: the ring sound (when `sound`), the tab title "Ringing: <caller>",
 * a desktop notification when the tab is hidden (or becomes hidden) and the permission was given,
 * and the text of an assertive live announcement. Everything stops when the ringing stops.
 */
export function useRingAlert(pop: ScreenPop | undefined, sound: boolean): string {
  const { t } = useT('desk');
  const ringing = pop?.phase === 'ringing' ? pop : undefined;
  const caller = ringing ? (ringing.customer?.name ?? ringing.callerName ?? formatPhone(ringing.callerNumber, t('pop.unknownNumber'))) : '';
  const title = ringing ? t('ring.title', { caller }) : '';
  const body = ringing ? (ringing.queue ? t('ring.bodyQueue', { number: formatPhone(ringing.callerNumber, t('pop.unknownNumber')), queue: ringing.queue }) : formatPhone(ringing.callerNumber, t('pop.unknownNumber'))) : '';
  const callId = ringing?.callId;
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!callId || !sound) return;
    return startRingTone();
  }, [callId, sound]);

  useEffect(() => {
    if (!callId) return;
    const previous = document.title;
    document.title = title;
    setAnnouncement(title);
    let notification: Notification | undefined;
    const notify = () => {
      if (notification || document.visibilityState !== 'hidden' || !canNotify()) return;
      try {
        notification = new Notification(title, { body, tag: `amiable-ring-${callId}`, requireInteraction: true });
        notification.onclick = () => {
          window.focus();
          notification?.close();
        };
      } catch (error) {
        console.warn('The ringing notification could not be shown', error);
      }
    };
    notify();
    document.addEventListener('visibilitychange', notify);
    return () => {
      document.removeEventListener('visibilitychange', notify);
      notification?.close();
      document.title = previous;
      setAnnouncement('');
    };
  }, [callId, title, body]);

  return announcement;
}

function canNotify(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}
