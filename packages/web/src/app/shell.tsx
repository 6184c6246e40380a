import type { PrincipalSummary } from '@amiable/protocol';
import { useEffect } from 'react';
import { areasFor, homeArea } from '../lib/access.ts';
import { AdminPage } from '../pages/admin/admin-page.tsx';
import { DesktopPage } from '../pages/desktop/desktop-page.tsx';
import { WallboardPage } from '../pages/wallboard/wallboard-page.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorBoundary } from '../ui/error-boundary.tsx';
import { Nav } from './nav.tsx';
import { matchPrefix, navigate, useRoute } from './router.ts';
import { TopBar } from './top-bar.tsx';
import { Icon } from '../ui/icon.tsx';
import { useT } from '../i18n/index.ts';

/** The signed-in layout: left navigation, top bar, and the area the route names (if the role may see it). */
export function Shell({ user }: { user: PrincipalSummary }) {
  const { t } = useT();
  const route = useRoute();
  const access = { role: user.role, isAgent: user.agentId !== null };
  const areas = areasFor(access);
  const area = areas.find((a) => matchPrefix(route, `/${a}`));
  const home = homeArea(access);

  useEffect(() => {
    // An unknown route, or one this role may not see (e.g. left over from another user): go home.
    if (!area && home) navigate(`/${home}`);
  }, [area, home]);

  return (
    <div className="shell" data-testid="app-shell" data-role={user.role}>
      <Nav areas={areas} route={route} />
      <main className="main">
        <TopBar title={area ? t(`area.${area}`) : t('app.name')} user={user} />
        <ErrorBoundary resetKey={route}>
          {area === 'desktop' && <DesktopPage user={user} />}
          {area === 'wallboard' && <WallboardPage />}
          {area === 'admin' && <AdminPage route={route} />}
        </ErrorBoundary>
        {!area && (
          <div className="content">
            <EmptyState icon={<Icon name="block" size={30} />} title={areas.length ? t('noAccess.title') : t('noAccess.titleNone')} testId="no-access">
              {areas.length ? t('noAccess.pick') : t('noAccess.none', { role: user.role })}
            </EmptyState>
          </div>
        )}
      </main>
    </div>
  );
}
