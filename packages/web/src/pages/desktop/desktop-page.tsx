import type { PrincipalSummary } from '@amiable/protocol';
import { useLive } from '../../app/live-store.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { CallControls } from './call-controls.tsx';
import { DialBox } from './dial-box.tsx';
import { ScreenPopCard } from './screen-pop-card.tsx';
import { SessionInfo } from './session-info.tsx';
import { SignInPanel } from './sign-in-panel.tsx';
import { StateBar } from './state-bar.tsx';
import { TodayHistory } from './today-history.tsx';
import { useScreenPop } from './use-screen-pop.ts';
import { activeCallOf } from './active-call.ts';
import { Icon } from '../../ui/icon.tsx';

export function DesktopPage({ user }: { user: PrincipalSummary }) {
  const live = useLive();
  const agentId = user.agentId;
  const agent = agentId ? live.agents[agentId] : undefined;
  const { pop, close } = useScreenPop({ agentId, extension: agent?.extension ?? null });

  if (!agentId) {
    return (
      <div className="content">
        <EmptyState icon={<Icon name="headset" size={30} />} title="This account is not an agent" testId="not-an-agent">
          Ask an administrator to link your user to an agent profile.
        </EmptyState>
      </div>
    );
  }
  if (!live.loaded) {
    return (
      <div className="content">
        <EmptyState icon={<span className="spinner" />} title="Loading your desktop…" />
      </div>
    );
  }
  if (!agent || agent.state === 'logged-out') {
    return (
      <div className="content">
        <SignInPanel name={user.username} />
      </div>
    );
  }
  const call = activeCallOf(live, agent);
  return (
    <div className="content desktop" data-testid="agent-desktop">
      <StateBar agent={agent} />
      <div className="desktop-grid">
        <div className="stack">
          <CallControls call={call} />
          <ScreenPopCard pop={pop} onClose={close} />
        </div>
        <div className="stack">
          <DialBox />
          <SessionInfo agent={agent} />
          <TodayHistory agentId={agentId} />
        </div>
      </div>
    </div>
  );
}
