import type { Team } from '@amiable/protocol';
import { useT } from '../../i18n/index.ts';

export interface WallboardFilter {
  queue: string;
  team: string;
  showSignedOut: boolean;
}

/** The wallboard's filters: one queue, one team, and whether signed-out agents are listed. */
export function WallboardFilters({
  value,
  onChange,
  queues,
  teams,
}: {
  value: WallboardFilter;
  onChange: (next: WallboardFilter) => void;
  queues: string[];
  teams: Team[];
}) {
  const { t } = useT('supervisor');
  return (
    <div className="wallboard-filters">
      <select
        className="input input-sm"
        value={value.queue}
        onChange={(e) => onChange({ ...value, queue: e.target.value })}
        aria-label={t('filters.queue')}
        data-testid="wallboard-queue-filter"
      >
        <option value="">{t('filters.allQueues')}</option>
        {queues.map((q) => (
          <option key={q} value={q}>
            {q}
          </option>
        ))}
      </select>
      <select
        className="input input-sm"
        value={value.team}
        onChange={(e) => onChange({ ...value, team: e.target.value })}
        aria-label={t('filters.team')}
        data-testid="wallboard-team-filter"
      >
        <option value="">{t('filters.allTeams')}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      <label className="checkbox small">
        <input
          type="checkbox"
          checked={value.showSignedOut}
          onChange={(e) => onChange({ ...value, showSignedOut: e.target.checked })}
          data-testid="wallboard-show-signed-out"
        />{' '}
        {t('filters.signedOut')}
      </label>
    </div>
  );
}
