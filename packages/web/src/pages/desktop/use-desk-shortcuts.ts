import { useEffect, useRef } from 'react';
import { type DeskShortcut, shortcutFor } from '../../lib/desk-shortcuts.ts';

/** Calls `run` for each desk shortcut pressed on the page (see `shortcutFor` for when keys are ignored). */
export function useDeskShortcuts(run: (action: DeskShortcut) => void): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('[role="dialog"]') && e.key !== '?') return; // a dialog has the keyboard
      const action = shortcutFor(e);
      if (!action) return;
      e.preventDefault();
      latest.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
