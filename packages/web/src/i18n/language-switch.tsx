import { LANGUAGES, type Language, isLanguage } from './languages.ts';
import { currentLanguage, setLanguage, useT } from './index.ts';

/** A select of the supported languages, each named in its own language. */
export function LanguageSwitch() {
  const { t, i18n } = useT('common');
  const value = i18n.resolvedLanguage && isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : currentLanguage();
  return (
    <label className="language-switch">
      <span className="sr-only">{t('language.label')}</span>
      <select
        className="input input-sm"
        value={value}
        onChange={(e) => void setLanguage(e.target.value as Language)}
        data-testid="language-switch"
        aria-label={t('language.label')}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
