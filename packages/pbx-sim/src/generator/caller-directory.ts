import type { Random } from '../util/random.ts';

/** A customer the generator can call in as. */
export interface CallerProfile {
  number: string;
  name: string;
  /** Two-letter language code (selects lang-xx queues). */
  language: string;
}

const NAMES: Record<string, readonly string[]> = {
  en: ['Jane Customer', 'John Carter', 'Emily Stone', 'Michael Brown', 'Sarah Miller', "Liam O'Brien", 'Olivia Clark', 'Noah Wilson'],
  ar: ['Layla Haddad', 'Omar Khalil', 'Fatima Nasser', 'Youssef Saleh', 'Mariam Aziz', 'Karim Mansour'],
  fr: ['Pierre Martin', 'Marie Dubois', 'Camille Laurent', 'Louis Bernard', 'Chloé Petit', 'Hugo Moreau'],
};

const PREFIX: Record<string, string> = { en: '+1555', ar: '+9665', fr: '+331' };

/** A seeded customer: same Random state, same customer. */
export function randomCaller(rng: Random, language: string, list?: readonly CallerProfile[]): CallerProfile {
  if (list && list.length > 0) {
    const fitting = list.filter((c) => c.language === language);
    return rng.pick(fitting.length > 0 ? fitting : list);
  }
  const names = NAMES[language] ?? NAMES.en!;
  const prefix = PREFIX[language] ?? '+1555';
  let digits = '';
  for (let i = 0; i < 7; i++) digits += String(rng.int(0, 9));
  return { number: `${prefix}${digits}`, name: rng.pick(names), language };
}
