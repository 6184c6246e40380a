export * from './codec/index.ts';
export * from './errors.ts';
export * from './events/index.ts';
export * from './transport/index.ts';
export * from './client/index.ts';
export * from './actions/index.ts';
