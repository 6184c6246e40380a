import type { Resource } from 'i18next';
import en_common from './en/common.json' with { type: 'json' };
import en_desk from './en/desk.json' with { type: 'json' };
import en_supervisor from './en/supervisor.json' with { type: 'json' };
import en_admin from './en/admin.json' with { type: 'json' };
import en_reports from './en/reports.json' with { type: 'json' };
import en_integrations from './en/integrations.json' with { type: 'json' };
import fr_common from './fr/common.json' with { type: 'json' };
import fr_desk from './fr/desk.json' with { type: 'json' };
import fr_supervisor from './fr/supervisor.json' with { type: 'json' };
import fr_admin from './fr/admin.json' with { type: 'json' };
import fr_reports from './fr/reports.json' with { type: 'json' };
import fr_integrations from './fr/integrations.json' with { type: 'json' };
import ar_common from './ar/common.json' with { type: 'json' };
import ar_desk from './ar/desk.json' with { type: 'json' };
import ar_supervisor from './ar/supervisor.json' with { type: 'json' };
import ar_admin from './ar/admin.json' with { type: 'json' };
import ar_reports from './ar/reports.json' with { type: 'json' };
import ar_integrations from './ar/integrations.json' with { type: 'json' };

/** Every translation, bundled: one JSON file per language and area. */
export const RESOURCES: Resource = {
  en: { common: en_common, desk: en_desk, supervisor: en_supervisor, admin: en_admin, reports: en_reports, integrations: en_integrations },
  fr: { common: fr_common, desk: fr_desk, supervisor: fr_supervisor, admin: fr_admin, reports: fr_reports, integrations: fr_integrations },
  ar: { common: ar_common, desk: ar_desk, supervisor: ar_supervisor, admin: ar_admin, reports: ar_reports, integrations: ar_integrations },
};
