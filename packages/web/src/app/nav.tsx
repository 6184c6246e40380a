import type { Area } from '../lib/access.ts';
import { ADMIN_SECTIONS } from '../pages/admin/sections.ts';
import { Icon, type IconName } from '../ui/icon.tsx';
import { matchPrefix } from './router.ts';

function NavLink({ href, icon, label, active }: { href: string; icon: IconName; label: string; active: boolean }) {
  return (
    <a className={`nav-link${active ? ' active' : ''}`} href={`#${href}`} data-testid={`nav-${href.replace(/\//g, '-').slice(1)}`}>
      <span className="nav-icon">
        <Icon name={icon} />
      </span>
      {label}
    </a>
  );
}

export function Nav({ areas, route }: { areas: Area[]; route: string }) {
  return (
    <nav className="nav" aria-label="Main">
      <div className="nav-brand">
        <img src="/favicon.svg" alt="" />
        Amiable
      </div>
      {areas.includes('desktop') && <NavLink href="/desktop" icon="phone" label="Desktop" active={matchPrefix(route, '/desktop')} />}
      {areas.includes('wallboard') && <NavLink href="/wallboard" icon="grid" label="Wallboard" active={matchPrefix(route, '/wallboard')} />}
      {areas.includes('admin') && (
        <>
          <div className="nav-section">Administration</div>
          {ADMIN_SECTIONS.map((s) => (
            <NavLink key={s.path} href={`/admin/${s.path}`} icon={s.icon} label={s.label} active={matchPrefix(route, `/admin/${s.path}`)} />
          ))}
        </>
      )}
      <div className="nav-footer">Amiable CTI</div>
    </nav>
  );
}
