import type { WebSocket } from 'ws';
import type { ClientTransport } from '../router/types.ts';

/**
 * A client transport over a `ws` socket. `close` sends a `bye` frame, starts the closing
 * handshake and, should the peer not answer within `closeGraceMs` (a client that stopped
 * reading), destroys the socket.
 */
export function createWsTransport(socket: WebSocket, closeGraceMs: number): ClientTransport {
  return {
    send(data, done) {
      if (socket.readyState === socket.OPEN) socket.send(data, done);
    },
    bufferedAmount() {
      return socket.bufferedAmount;
    },
    close(closeCode, errorCode, message) {
      if (socket.readyState !== socket.OPEN) return;
      socket.send(JSON.stringify({ op: 'bye', closeCode, code: errorCode, message }));
      // A close reason may hold at most 123 bytes.
      socket.close(closeCode, Buffer.from(errorCode).subarray(0, 123).toString());
      setTimeout(() => socket.terminate(), closeGraceMs).unref();
    },
  };
}
