import { useEffect, useState } from 'react';
import { useT } from '../i18n/index.ts';
import type { Area } from '../lib/access.ts';
import { ADMIN_SECTIONS } from '../pages/admin/sections.ts';
import { Icon, type IconName } from '../ui/icon.tsx';
import { matchPrefix } from './router.ts';

function NavLink({ href, icon, label, active }: { href: string; icon: IconName; label: string; active: boolean }) {
  return (
    <a
      className={`nav-link${active ? ' active' : ''}`}
      href={`#${href}`}
      aria-current={active ? 'page' : undefined}
      data-testid={`nav-${href.replace(/\//g, '-').slice(1)}`}
    >
      <span className="nav-icon">
        <Icon name={icon} />
      </span>
      <span className="nav-label">{label}</span>
    </a>
  );
}

/**
 * The main navigation: a sticky column on the inline-start side (left, or right in Arabic); on
 * narrow screens a bar across the top whose links open as a menu.
 */
export function Nav({ areas, route }: { areas: Area[]; route: string }) {
  const { t } = useT('common');
  const { t: ta } = useT('admin');
  const [open, setOpen] = useState(false);
  // A link was followed: close the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every route change
  useEffect(() => setOpen(false), [route]);
  return (
    <nav className="nav" aria-label={t('nav.label')} data-testid="nav" data-open={open}>
      <div className="nav-bar">
        <div className="nav-brand">
          <img src="/favicon.svg" alt="" />
          {t('app.name')}
        </div>
        <button
          type="button"
          className="nav-toggle"
          aria-expanded={open}
          aria-controls="nav-links"
          aria-label={open ? t('nav.close') : t('nav.open')}
          onClick={() => setOpen((o) => !o)}
          data-testid="nav-toggle"
        >
          <Icon name={open ? 'close' : 'menu'} size={22} />
        </button>
      </div>
      <div className="nav-links" id="nav-links">
        {areas.includes('desktop') && <NavLink href="/desktop" icon="phone" label={t('nav.desktop')} active={matchPrefix(route, '/desktop')} />}
        {areas.includes('wallboard') && <NavLink href="/wallboard" icon="grid" label={t('nav.wallboard')} active={matchPrefix(route, '/wallboard')} />}
        {areas.includes('admin') && (
          <>
            <div className="nav-section">{t('nav.admin')}</div>
            {ADMIN_SECTIONS.map((s) => (
              <NavLink key={s.path} href={`/admin/${s.path}`} icon={s.icon} label={ta(s.labelKey)} active={matchPrefix(route, `/admin/${s.path}`)} />
            ))}
          </>
        )}
      </div>
      <div className="nav-footer">{t('nav.footer')}</div>
    </nav>
  );
}
