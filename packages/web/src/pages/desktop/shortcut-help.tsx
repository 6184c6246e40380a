import { useT } from '../../i18n/index.ts';
import { DESK_SHORTCUTS } from '../../lib/desk-shortcuts.ts';
import { Modal } from '../../ui/modal.tsx';

/** The list of the desk's keyboard shortcuts, opened with "?". */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useT('desk');
  return (
    <Modal title={t('shortcuts.title')} onClose={onClose} testId="shortcut-help">
      <p className="small muted">{t('shortcuts.intro')}</p>
      <dl className="shortcut-list">
        {DESK_SHORTCUTS.map((s) => (
          <div key={s.key} className="shortcut-row">
            <dt>
              <kbd className="kbd">{s.key.toUpperCase()}</kbd>
            </dt>
            <dd>{t(`shortcuts.${s.action}`)}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
