import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { isPrivateAddress } from './address-policy.ts';

export interface PostResult {
  /** The receiver's HTTP status. */
  status: number;
}

/** Why an attempt got no HTTP answer (refused, reset, timed out, private address). */
export class PostFailed extends Error {}

/**
 * Sends one POST and reads (then discards) at most 4 KiB of the answer. No redirects are
 * followed. Unless private addresses are allowed, the address a name resolves to is checked
 * before connecting, in the connection's own lookup, so a name cannot resolve to one address for
 * the check and to another for the connection.
 */
export function postJson(
  target: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivateAddresses: boolean; signal?: AbortSignal },
): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const url = new URL(target);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivateAddresses && isIP(host) !== 0 && isPrivateAddress(host)) {
      reject(new PostFailed(`refused: ${host} is a private address`));
      return;
    }
    const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
      dnsLookup(hostname, { ...lookupOptions, all: true }, (err, addresses: LookupAddress[]) => {
        if (err) return callback(err, '', 4);
        const bad = options.allowPrivateAddresses ? undefined : addresses.find((a) => isPrivateAddress(a.address));
        if (bad) return callback(new PostFailed(`refused: ${hostname} resolves to the private address ${bad.address}`), '', 4);
        if (lookupOptions.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        const first = addresses[0];
        if (!first) return callback(new PostFailed(`${hostname} has no address`), '', 4);
        callback(null, first.address, first.family);
      });
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      lookup,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const timer = setTimeout(() => req.destroy(new PostFailed(`timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('response', (res) => {
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > 4096) res.destroy();
      });
      const done = () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0 });
      };
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err instanceof PostFailed ? err : new PostFailed(describe(err)));
    });
    req.end(body);
  });
}

function describe(err: Error): string {
  const code = (err as { code?: string }).code;
  return code ? `${code}: ${err.message}`.slice(0, 300) : err.message.slice(0, 300);
}
