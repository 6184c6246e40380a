import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next, useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, closestLanguage, directionOf } from './languages.ts';
import { RESOURCES } from './locales/resources.ts';

/**
 * The web app's translations: i18next with one namespace per area
 * (`locales/<lang>/<namespace>.json`: common, desk, wrapup, supervisor, admin, reports, integrations, system).
 * The language follows `?lang=`, then the user's choice (kept in localStorage), then the browser.
 * The document's `lang` and `dir` follow it, so Arabic lays out right to left.
 */
export const NAMESPACES = ['common', 'desk', 'wrapup', 'supervisor', 'admin', 'reports', 'integrations', 'system'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const i18n = i18next.createInstance();

function applyToDocument(lang: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = closestLanguage(lang);
  document.documentElement.dir = directionOf(lang);
}

i18n.on('languageChanged', applyToDocument);

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: RESOURCES,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    load: 'languageOnly',
    nonExplicitSupportedLngs: true,
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: {
      order: ['querystring', 'localStorage', 'navigator'],
      lookupQuerystring: 'lang',
      lookupLocalStorage: 'amiable.lang',
      caches: ['localStorage'],
    },
    initAsync: false,
  });

/** The current language, one of the supported ones. */
export function currentLanguage(): Language {
  return closestLanguage(i18n.resolvedLanguage ?? i18n.language);
}

export function setLanguage(lang: Language) {
  return i18n.changeLanguage(lang);
}

/** `const { t } = useT('desk')`: strings of one area, re-rendered when the language changes. */
export function useT(ns: Namespace = 'common') {
  return useTranslation(ns, { i18n });
}

export { LANGUAGES, type Language, directionOf };
