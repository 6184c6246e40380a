export * from './codec/index.ts';
export * from './errors.ts';
