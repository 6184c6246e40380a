import type { AmiTransport, AmiTransportFactory } from '@amiable/ami';

/**
 * A transport that writes only while `allowed()` holds. The first write refused closes the
 * connection at once and drops the bytes: a node whose PBX lease may have lapsed (it was
 * paused or partitioned past the lease's end) never sends Asterisk another byte, not even
 * a keepalive Ping that was due while it slept.
 */
export function fencedTransport(inner: AmiTransportFactory, allowed: () => boolean, refused: () => void): AmiTransportFactory {
  return () => {
    const t = inner();
    let fenced = false;
    const fenced_: AmiTransport = {
      connect: () => (allowed() ? t.connect() : Promise.reject(new Error('PBX lease not held'))),
      write(data) {
        if (fenced || !allowed()) {
          if (!fenced) {
            fenced = true;
            refused();
            t.close();
          }
          return true;
        }
        return t.write(data);
      },
      pause: () => t.pause(),
      resume: () => t.resume(),
      close: () => t.close(),
      on: (event, listener) => t.on(event, listener),
      off: (event, listener) => t.off(event, listener),
    };
    return fenced_;
  };
}
