import type { AmiListener, CtiBus, CtiListener } from './cti-bus.ts';

/** The single-node bus: listeners are called synchronously, in the owner's order. */
export function createLocalBus(): CtiBus {
  const cti = new Set<CtiListener>();
  const ami = new Set<AmiListener>();
  return {
    publishCti(event) {
      for (const l of cti) l(event);
    },
    subscribeCti(listener) {
      cti.add(listener);
      return () => cti.delete(listener);
    },
    publishAmi(pbx, msg) {
      for (const l of ami) l(pbx, msg);
    },
    subscribeAmi(listener) {
      ami.add(listener);
      return () => ami.delete(listener);
    },
    async close() {
      cti.clear();
      ami.clear();
    },
  };
}
