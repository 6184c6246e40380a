import { readFileSync } from 'node:fs';

/** Read PEM files named in the config for an HTTPS or TLS listener. */
export function readTlsFiles(tls: { certFile: string; keyFile: string; caFile?: string | undefined }): { cert: Buffer; key: Buffer; ca?: Buffer } {
  return {
    cert: readFileSync(tls.certFile),
    key: readFileSync(tls.keyFile),
    ...(tls.caFile ? { ca: readFileSync(tls.caFile) } : {}),
  };
}
