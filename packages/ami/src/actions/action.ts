import type { AmiValue } from '../codec/encoder.ts';

/** An action object ready for AmiClient.send(): `Action` first, then headers; arrays repeat a header. */
export type AmiAction = { Action: string } & Record<string, AmiValue | readonly AmiValue[]>;
