/**
 * The small call centre that demo mode seeds: five queues (three languages,
 * support and sales), six agents with languages and skills, a supervisor, an
 * admin, workstations, pause reasons and a customer directory. The simulated
 * PBX calls in as these customers (and as a few unknown numbers).
 */

export const DEMO_QUEUES = [
  { name: 'lang-en', strategy: 'ringall', language: 'en', label: 'English' },
  { name: 'lang-ar', strategy: 'ringall', language: 'ar', label: 'Arabic' },
  { name: 'lang-fr', strategy: 'ringall', language: 'fr', label: 'French' },
  { name: 'support', strategy: 'linear', language: null, label: 'Support' },
  { name: 'sales', strategy: 'rrmemory', language: null, label: 'Sales' },
] as const;

export const DEMO_SKILLS = [
  { name: 'en', label: 'English', kind: 'language', queue: 'lang-en' },
  { name: 'ar', label: 'Arabic', kind: 'language', queue: 'lang-ar' },
  { name: 'fr', label: 'French', kind: 'language', queue: 'lang-fr' },
  { name: 'support', label: 'Technical support', kind: 'skill', queue: 'support' },
  { name: 'sales', label: 'Sales', kind: 'skill', queue: 'sales' },
] as const;

export interface DemoAgent {
  username: string;
  name: string;
  extension: string;
  skills: Array<{ skill: string; proficiency: number }>;
}

export const DEMO_AGENTS: DemoAgent[] = [
  { username: 'alice', name: 'Alice Martin', extension: '1001', skills: [{ skill: 'en', proficiency: 5 }, { skill: 'fr', proficiency: 3 }, { skill: 'support', proficiency: 4 }] },
  { username: 'bilal', name: 'Bilal Haddad', extension: '1002', skills: [{ skill: 'ar', proficiency: 5 }, { skill: 'en', proficiency: 4 }] },
  { username: 'chloe', name: 'Chloé Bernard', extension: '1003', skills: [{ skill: 'fr', proficiency: 5 }, { skill: 'en', proficiency: 3 }, { skill: 'sales', proficiency: 4 }] },
  { username: 'david', name: 'David Stone', extension: '1004', skills: [{ skill: 'en', proficiency: 4 }, { skill: 'support', proficiency: 5 }] },
  { username: 'emma', name: 'Emma Clark', extension: '1005', skills: [{ skill: 'en', proficiency: 4 }, { skill: 'sales', proficiency: 5 }] },
  { username: 'farid', name: 'Farid Nasser', extension: '1006', skills: [{ skill: 'ar', proficiency: 4 }, { skill: 'fr', proficiency: 4 }] },
];

export const DEMO_PAUSE_REASONS = [
  { code: 'break', label: 'Break', paid: true, maxSeconds: 900 },
  { code: 'lunch', label: 'Lunch', paid: false, maxSeconds: 3600 },
  { code: 'training', label: 'Training', paid: true, maxSeconds: null },
  { code: 'meeting', label: 'Meeting', paid: true, maxSeconds: null },
  { code: 'after-call', label: 'After-call work', paid: true, maxSeconds: 600 },
] as const;

export interface DemoCustomer {
  number: string;
  name: string;
  address: string;
  language: string;
  notes: string;
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  { number: '+15551234567', name: 'Jane Customer', address: '12 Harbor Lane, Springfield, IL', language: 'en', notes: 'Premium plan since 2021.' },
  { number: '+15552345678', name: 'John Carter', address: '88 Elm Street, Portland, OR', language: 'en', notes: 'Prefers e-mail follow-ups.' },
  { number: '+15553456789', name: 'Emily Stone', address: '5 Birch Road, Austin, TX', language: 'en', notes: 'Open ticket #4821 (router).' },
  { number: '+15554567890', name: 'Michael Brown', address: '301 Pine Avenue, Denver, CO', language: 'en', notes: '' },
  { number: '+15555678901', name: "Liam O'Brien", address: '19 Cedar Court, Boston, MA', language: 'en', notes: 'VIP: escalate billing questions.' },
  { number: '+966501234567', name: 'Layla Haddad', address: 'King Fahd Rd 120, Riyadh', language: 'ar', notes: 'Business account.' },
  { number: '+966502345678', name: 'Omar Khalil', address: 'Tahlia St 45, Jeddah', language: 'ar', notes: '' },
  { number: '+966503456789', name: 'Fatima Nasser', address: 'Prince Sultan Rd 9, Dammam', language: 'ar', notes: 'Asked about the family plan.' },
  { number: '+966504567890', name: 'Youssef Saleh', address: 'Olaya St 300, Riyadh', language: 'ar', notes: '' },
  { number: '+33612345678', name: 'Pierre Martin', address: '14 rue de Rivoli, 75004 Paris', language: 'fr', notes: 'Client depuis 2019.' },
  { number: '+33623456789', name: 'Marie Dubois', address: '3 place Bellecour, 69002 Lyon', language: 'fr', notes: 'Rappeler après 17 h.' },
  { number: '+33634567890', name: 'Camille Laurent', address: '27 quai des Chartrons, 33000 Bordeaux', language: 'fr', notes: '' },
  { number: '+33645678901', name: 'Louis Bernard', address: '8 rue Nationale, 59000 Lille', language: 'fr', notes: 'Litige facture en cours.' },
];

/** Numbers the simulated PBX also calls from, which are not in the directory ("unknown caller"). */
export const DEMO_UNKNOWN_CALLERS = [
  { number: '+15559876543', name: 'Unknown Caller', language: 'en' },
  { number: '+966509876543', name: '', language: 'ar' },
  { number: '+33698765432', name: 'Inconnu', language: 'fr' },
];
