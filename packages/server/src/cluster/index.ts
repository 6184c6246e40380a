export type { AmiListener, CtiBus, CtiListener } from './cti-bus.ts';
export { createLocalBus } from './local-bus.ts';
