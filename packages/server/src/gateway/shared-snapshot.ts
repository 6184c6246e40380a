import type { StateView } from './ports.ts';

/**
 * The live state built once per turn of the event loop, however many clients ask for it in that
 * turn (a burst of subscribes, a reconnect storm): each client then only filters it.
 */
export function shareSnapshot(state: StateView): StateView {
  let cached: ReturnType<StateView['snapshot']> | undefined;
  return {
    ...(state.callParties ? { callParties: (callId: string) => state.callParties?.(callId) } : {}),
    ...(state.node ? { node: () => state.node!() } : {}),
    snapshot() {
      if (cached === undefined) {
        cached = state.snapshot();
        setImmediate(() => {
          cached = undefined;
        });
      }
      return cached;
    },
  };
}
