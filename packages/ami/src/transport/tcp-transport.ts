import { connect as netConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { createSocketTransport } from './socket-transport.ts';
import type { AmiTransport } from './transport.ts';

export interface TcpTransportOptions {
  host: string;
  /** Default 5038. */
  port?: number;
  /** Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** TCP keepalive probes, in addition to the client's Ping watchdog. Default 30 000 ms; 0 disables. */
  keepAliveMs?: number;
}

export interface TlsTransportOptions extends Omit<TcpTransportOptions, 'port'> {
  /** Default 5039. */
  port?: number;
  /** Trusted CA certificate(s), PEM. Default: the system store. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Client certificate and key, PEM, when Asterisk asks for one. */
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Default true. Turn off only for a lab PBX with a self-signed certificate. */
  rejectUnauthorized?: boolean;
  /** SNI and certificate name check. Default: `host`. */
  servername?: string;
}

/** A plain TCP transport (AMI's default port 5038). */
export function createTcpTransport(options: TcpTransportOptions): AmiTransport {
  const port = options.port ?? 5038;
  return createSocketTransport({
    label: `tcp ${options.host}:${port}`,
    readyEvent: 'connect',
    connectTimeoutMs: options.connectTimeoutMs,
    open: () => {
      const keepAlive = options.keepAliveMs ?? 30_000;
      return netConnect({ host: options.host, port, keepAlive: keepAlive > 0, keepAliveInitialDelay: keepAlive });
    },
  });
}

/** A TLS transport (AMI over TLS, `tlsenable=yes`, port 5039 by default). */
export function createTlsTransport(options: TlsTransportOptions): AmiTransport {
  const port = options.port ?? 5039;
  return createSocketTransport({
    label: `tls ${options.host}:${port}`,
    readyEvent: 'secureConnect',
    connectTimeoutMs: options.connectTimeoutMs,
    open: () => {
      const keepAlive = options.keepAliveMs ?? 30_000;
      const socket = tlsConnect({
        host: options.host,
        port,
        ca: options.ca,
        cert: options.cert,
        key: options.key,
        rejectUnauthorized: options.rejectUnauthorized ?? true,
        servername: options.servername ?? (isIp(options.host) ? undefined : options.host),
      });
      if (keepAlive > 0) socket.setKeepAlive(true, keepAlive);
      return socket;
    },
  });
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
