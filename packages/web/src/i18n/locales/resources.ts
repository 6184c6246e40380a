import type { Resource } from 'i18next';
import en_common from './en/common.json' with { type: 'json' };
import en_desk from './en/desk.json' with { type: 'json' };
import en_wrapup from './en/wrapup.json' with { type: 'json' };
import en_supervisor from './en/supervisor.json' with { type: 'json' };
import en_admin from './en/admin.json' with { type: 'json' };
import en_reports from './en/reports.json' with { type: 'json' };
import en_integrations from './en/integrations.json' with { type: 'json' };
import en_system from './en/system.json' with { type: 'json' };
import fr_common from './fr/common.json' with { type: 'json' };
import fr_desk from './fr/desk.json' with { type: 'json' };
import fr_wrapup from './fr/wrapup.json' with { type: 'json' };
import fr_supervisor from './fr/supervisor.json' with { type: 'json' };
import fr_admin from './fr/admin.json' with { type: 'json' };
import fr_reports from './fr/reports.json' with { type: 'json' };
import fr_integrations from './fr/integrations.json' with { type: 'json' };
import fr_system from './fr/system.json' with { type: 'json' };
import ar_common from './ar/common.json' with { type: 'json' };
import ar_desk from './ar/desk.json' with { type: 'json' };
import ar_wrapup from './ar/wrapup.json' with { type: 'json' };
import ar_supervisor from './ar/supervisor.json' with { type: 'json' };
import ar_admin from './ar/admin.json' with { type: 'json' };
import ar_reports from './ar/reports.json' with { type: 'json' };
import ar_integrations from './ar/integrations.json' with { type: 'json' };
import ar_system from './ar/system.json' with { type: 'json' };

/** Every translation, bundled: one JSON file per language and area. */
export const RESOURCES: Resource = {
  en: { common: en_common, desk: en_desk, wrapup: en_wrapup, supervisor: en_supervisor, admin: en_admin, reports: en_reports, integrations: en_integrations, system: en_system },
  fr: { common: fr_common, desk: fr_desk, wrapup: fr_wrapup, supervisor: fr_supervisor, admin: fr_admin, reports: fr_reports, integrations: fr_integrations, system: fr_system },
  ar: { common: ar_common, desk: ar_desk, wrapup: ar_wrapup, supervisor: ar_supervisor, admin: ar_admin, reports: ar_reports, integrations: ar_integrations, system: ar_system },
};
