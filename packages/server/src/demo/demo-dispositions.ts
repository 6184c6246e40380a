/**
 * Disposition codes of the demo's queues. None is required before Ready, so the automatically
 * signed-in demo agents keep taking calls; tick "Required before Ready" on a queue in the admin
 * console (Dispositions) to see the desk hold Ready until the agent picks one. Labels are in the
 * queue's language.
 */
export const DEMO_DISPOSITIONS: ReadonlyArray<{ queue: string; codes: ReadonlyArray<{ code: string; label: string }> }> = [
  {
    queue: 'lang-en',
    codes: [
      { code: 'resolved', label: 'Resolved' },
      { code: 'callback', label: 'Call back' },
      { code: 'escalated', label: 'Escalated' },
      { code: 'wrong-number', label: 'Wrong number' },
    ],
  },
  {
    queue: 'lang-fr',
    codes: [
      { code: 'resolved', label: 'Résolu' },
      { code: 'callback', label: 'À rappeler' },
      { code: 'escalated', label: 'Transmis' },
      { code: 'wrong-number', label: 'Faux numéro' },
    ],
  },
  {
    queue: 'lang-ar',
    codes: [
      { code: 'resolved', label: 'تم الحل' },
      { code: 'callback', label: 'معاودة الاتصال' },
      { code: 'escalated', label: 'تم التصعيد' },
      { code: 'wrong-number', label: 'رقم خاطئ' },
    ],
  },
  {
    queue: 'support',
    codes: [
      { code: 'fixed', label: 'Fixed on the call' },
      { code: 'ticket', label: 'Ticket opened' },
      { code: 'rma', label: 'Return authorised' },
      { code: 'callback', label: 'Call back' },
    ],
  },
  {
    queue: 'sales',
    codes: [
      { code: 'sale', label: 'Sale' },
      { code: 'quote', label: 'Quote sent' },
      { code: 'no-sale', label: 'No sale' },
      { code: 'callback', label: 'Call back' },
    ],
  },
];
