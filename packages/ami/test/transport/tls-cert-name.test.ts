import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmiTlsCertNameError, createTlsTransport } from '../../src/index.ts';

describe('TLS to a PBX whose certificate has a CN but no subjectAltName', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ami-tls-cn-'));
  let cert: Buffer;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    // A self-signed certificate with only a CN, as older Asterisk setup guides make them.
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=pbx.amiable.test',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    cert = readFileSync(join(dir, 'cert.pem'));
    expect(execFileSync('openssl', ['x509', '-in', join(dir, 'cert.pem'), '-noout', '-text'], { encoding: 'utf8' })).not.toContain('Subject Alternative Name');
    server = createServer({ cert, key: readFileSync(join(dir, 'key.pem')) }, (s) => s.end('Asterisk Call Manager/11.0.0\r\n'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails with AMI_ERR_TLS_CERT_NAME naming the CN and the fix when reached by IP address', async () => {
    const transport = createTlsTransport({ host: '127.0.0.1', port, ca: cert });
    const err = await transport.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AmiTlsCertNameError);
    expect(err).toMatchObject({
      code: 'AMI_ERR_TLS_CERT_NAME',
      details: { host: '127.0.0.1', commonName: 'pbx.amiable.test', subjectAltName: null },
    });
    const message = (err as Error).message;
    expect(message).toContain('a CN (pbx.amiable.test) but no subjectAltName');
    expect(message).toContain('AMIABLE_AMI_TLS_SERVERNAME');
    expect(message).toContain('reissue the certificate with a subjectAltName');
  });

  it('connects once the server name is set to the certificate CN (the fix the error names)', async () => {
    const transport = createTlsTransport({ host: '127.0.0.1', port, ca: cert, servername: 'pbx.amiable.test' });
    const banner = new Promise<string>((done) => transport.on('data', (chunk) => done(chunk.toString('utf8'))));
    await transport.connect();
    expect(await banner).toBe('Asterisk Call Manager/11.0.0\r\n');
    transport.close();
  });
});
