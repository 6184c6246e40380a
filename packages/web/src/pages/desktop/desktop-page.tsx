import type { PrincipalSummary } from '@amiable/protocol';
import { useState } from 'react';
import { useClient } from '../../app/client-context.tsx';
import { useLive } from '../../app/live-store.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useT } from '../../i18n/index.ts';
import type { DeskShortcut } from '../../lib/desk-shortcuts.ts';
import { extrasOf } from '../../lib/call-extras.ts';
import { ringSoundEnabled, setRingSoundEnabled } from '../../lib/ring-settings.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Icon } from '../../ui/icon.tsx';
import { activeCallOf } from './active-call.ts';
import { CallControls } from './call-controls.tsx';
import { DeskStatusProvider, useDeskStatus } from './desk-status.tsx';
import { DialBox } from './dial-box.tsx';
import { MissedCalls } from './missed-calls.tsx';
import { OfflineBanner } from './offline-banner.tsx';
import { RingSettingsCard } from './ring-settings-card.tsx';
import { ScreenPopCard } from './screen-pop-card.tsx';
import { SessionInfo } from './session-info.tsx';
import { ShortcutHelp } from './shortcut-help.tsx';
import { SignInPanel } from './sign-in-panel.tsx';
import { StateBar } from './state-bar.tsx';
import { TodayHistory } from './today-history.tsx';
import { useCallExtras } from './use-call-extras.ts';
import { useDeskPolicy } from './use-desk-policy.ts';
import { useDeskShortcuts } from './use-desk-shortcuts.ts';
import { useRingAlert } from './use-ring-alert.ts';
import { useScreenPop } from './use-screen-pop.ts';
import { WrapupPanel } from './wrapup-panel.tsx';

export function DesktopPage({ user }: { user: PrincipalSummary }) {
  return (
    <DeskStatusProvider>
      <Desk user={user} />
    </DeskStatusProvider>
  );
}

/** Asks another part of the desk to do something (open a menu, focus a field): a counter that moves. */
export type Request = number;

function Desk({ user }: { user: PrincipalSummary }) {
  const { t } = useT('desk');
  const client = useClient();
  const toast = useToast();
  const live = useLive();
  const { offline } = useDeskStatus();
  const agentId = user.agentId;
  const agent = agentId ? live.agents[agentId] : undefined;
  const { pop, close } = useScreenPop({ agentId, extension: agent?.extension ?? null });
  const [sound, setSound] = useState(ringSoundEnabled);
  const announcement = useRingAlert(agent && agent.state !== 'logged-out' ? pop : undefined, sound);
  const [help, setHelp] = useState(false);
  const [pauseRequest, setPauseRequest] = useState<Request>(0);
  const [transferRequest, setTransferRequest] = useState<Request>(0);
  const [dialRequest, setDialRequest] = useState<Request>(0);
  const call = agent ? activeCallOf(live, agent) : undefined;
  const extras = useCallExtras(agentId, agent?.extension ?? null);
  const policy = useDeskPolicy();
  const signedIn = agent !== undefined && agent.state !== 'logged-out';

  useDeskShortcuts((action: DeskShortcut) => {
    if (action === 'help') return setHelp((h) => !h);
    if (!signedIn || offline) return;
    const fail = (title: string) => (error: unknown) => toast.error(error, title);
    switch (action) {
      case 'ready':
        if (agent.state === 'wrap-up') client.command('agent.endWrapup', {}).catch(fail(t('errors.ready')));
        else if (agent.state !== 'ready' && agent.state !== 'on-call' && agent.state !== 'ringing') client.command('agent.ready', {}).catch(fail(t('errors.ready')));
        return;
      case 'pause':
        if (agent.state !== 'on-call' && agent.state !== 'ringing') setPauseRequest((n) => n + 1);
        return;
      case 'hangup':
        if (call) client.command('call.hangup', { callId: call.callId }).catch(fail(t('errors.hangup')));
        return;
      case 'transfer':
        if (call) setTransferRequest((n) => n + 1);
        return;
      case 'dial':
        setDialRequest((n) => n + 1);
        return;
    }
  });

  const helpOverlay = help && <ShortcutHelp onClose={() => setHelp(false)} />;
  const liveRegion = (
    <div className="sr-only" aria-live="assertive" aria-atomic="true" data-testid="ring-announcement">
      {announcement}
    </div>
  );

  if (!agentId) {
    return (
      <div className="content">
        <EmptyState icon={<Icon name="headset" size={30} />} title={t('notAgent.title')} testId="not-an-agent">
          {t('notAgent.body')}
        </EmptyState>
      </div>
    );
  }
  if (!live.loaded) {
    return (
      <div className="content">
        <EmptyState icon={<span className="spinner" />} title={t('loading')} />
      </div>
    );
  }
  if (!signedIn) {
    return (
      <div className="content">
        <OfflineBanner />
        <SignInPanel name={user.username} />
        {helpOverlay}
      </div>
    );
  }
  return (
    <div className="content desktop" data-testid="agent-desktop" data-offline={offline}>
      {liveRegion}
      <OfflineBanner />
      <StateBar agent={agent} pauseRequest={pauseRequest} onHelp={() => setHelp(true)} />
      <div className="desktop-grid">
        <div className="stack">
          <CallControls call={call} extras={extrasOf(extras, call?.callId)} recordingControl={policy?.recordingControl ?? false} transferRequest={transferRequest} />
          <WrapupPanel agent={agent} pop={pop} />
          <ScreenPopCard pop={pop} onClose={close} />
        </div>
        <div className="stack">
          <DialBox focusRequest={dialRequest} />
          <SessionInfo agent={agent} />
          <RingSettingsCard
            sound={sound}
            onSound={(on) => {
              setRingSoundEnabled(on);
              setSound(on);
            }}
          />
          <MissedCalls />
          <TodayHistory agentId={agentId} />
        </div>
      </div>
      {helpOverlay}
    </div>
  );
}
