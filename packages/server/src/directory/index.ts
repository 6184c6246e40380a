/** The customer directory: number normalisation, lookup for screen pop, and CSV import. */
export * from './phone-number.ts';
export * from './customer-lookup.ts';
export * from './csv-import.ts';
export { CSV_COLUMNS, type CsvColumn } from './csv-rows.ts';
export { canonicalLanguage } from './csv-validate.ts';
