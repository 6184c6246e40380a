import type { Socket } from 'node:net';
import { AmiConnectError, AmiTlsCertNameError } from '../errors.ts';
import type { AmiTransport, AmiTransportEvents } from './transport.ts';

export interface SocketTransportDeps {
  /** Start connecting and return the socket; `readyEvent` fires when it may carry data. */
  open: () => Socket;
  readyEvent: 'connect' | 'secureConnect';
  /** Give up connecting after this many milliseconds. Default 10 000. */
  connectTimeoutMs?: number;
  /** A label for error messages, e.g. `tcp 127.0.0.1:5038`. */
  label: string;
}

interface NodeTlsNameError extends Error {
  code?: string;
  host?: string;
  cert?: { subject?: { CN?: string | string[] }; subjectaltname?: string };
}

/** Node's certificate-name failure gets its own code and the fix; any other failure is AMI_ERR_CONNECT. */
function connectError(label: string, err: NodeTlsNameError): Error {
  if (err.code !== 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new AmiConnectError(`Cannot connect to ${label}: ${err.message}`, { label, cause: err.message });
  }
  const cn = err.cert?.subject?.CN;
  const commonName = Array.isArray(cn) ? cn.join(', ') : (cn ?? null);
  const subjectAltName = err.cert?.subjectaltname ?? null;
  const names = subjectAltName === null ? `a CN (${commonName ?? 'none'}) but no subjectAltName` : `subjectAltName ${subjectAltName}`;
  return new AmiTlsCertNameError(
    `Cannot connect to ${label}: the certificate has ${names}, and does not name ${err.host ?? 'the host'} (${err.message}). ` +
      'Set the TLS server name to a name the certificate holds (AMIABLE_AMI_TLS_SERVERNAME for the Amiable server), ' +
      'or reissue the certificate with a subjectAltName for this host.',
    { label, host: err.host ?? null, commonName, subjectAltName, cause: err.message },
  );
}

type Listeners = { [E in keyof AmiTransportEvents]: Set<AmiTransportEvents[E]> };

/** Adapts a node:net or node:tls socket to AmiTransport. One instance, one connection. */
export function createSocketTransport(deps: SocketTransportDeps): AmiTransport {
  const listeners: Listeners = { data: new Set(), drain: new Set(), close: new Set(), error: new Set() };
  let socket: Socket | undefined;
  let closed = false;
  /** Set while connect() is pending, so close() can settle it. */
  let abortConnect: ((err: Error) => void) | undefined;

  const emit = <E extends keyof AmiTransportEvents>(event: E, ...args: Parameters<AmiTransportEvents[E]>) => {
    for (const fn of listeners[event]) (fn as (...a: unknown[]) => void)(...args);
  };

  return {
    connect() {
      if (socket) return Promise.reject(new AmiConnectError('connect() may be called only once', { label: deps.label }));
      return new Promise<void>((resolve, reject) => {
        const s = deps.open();
        socket = s;
        const timeoutMs = deps.connectTimeoutMs ?? 10_000;
        const timer = setTimeout(() => fail(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
        const fail = (err: Error) => {
          abortConnect = undefined;
          clearTimeout(timer);
          s.removeListener(deps.readyEvent, ready);
          s.on('error', () => {}); // late errors of an abandoned socket are of no interest
          s.destroy();
          closed = true;
          reject(connectError(deps.label, err));
        };
        const ready = () => {
          abortConnect = undefined;
          clearTimeout(timer);
          s.removeListener('error', fail);
          if (closed) return;
          s.setNoDelay(true);
          s.on('data', (chunk: Buffer) => emit('data', chunk));
          s.on('drain', () => emit('drain'));
          s.on('error', (err) => emit('error', err));
          s.once('close', (hadError) => {
            closed = true;
            emit('close', hadError);
          });
          resolve();
        };
        abortConnect = fail;
        s.once('error', fail);
        s.once(deps.readyEvent, ready);
      });
    },
    write(data) {
      if (!socket || closed || socket.destroyed) return false;
      return socket.write(data);
    },
    pause() {
      socket?.pause();
    },
    resume() {
      socket?.resume();
    },
    close() {
      if (abortConnect) {
        abortConnect(new Error('closed while connecting'));
        return;
      }
      if (socket && !socket.destroyed) {
        socket.end();
        socket.destroy();
      }
    },
    on(event, listener) {
      (listeners[event] as Set<typeof listener>).add(listener);
    },
    off(event, listener) {
      (listeners[event] as Set<typeof listener>).delete(listener);
    },
  };
}
