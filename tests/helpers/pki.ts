import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SealConfig } from '../../src/server/lib/pdf/keys';

/**
 * A test PKI: a CA made with openssl, the school's seal as an RSA key generated on a SoftHSM2 token (its certificate
 * issued by the CA and imported on the token), a PKCS#12 file for the file-based seal, and an RFC 3161 timestamp
 * server on loopback (node:http piping each query to `openssl ts -reply`).
 */

const onPath = (tool: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

export const SOFTHSM_MODULE =
  [
    '/usr/lib/softhsm/libsofthsm2.so',
    '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
    '/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so',
  ].find((p) => existsSync(p)) ?? null;

export const hasPkiTools = ['softhsm2-util', 'pkcs11-tool', 'openssl', 'pdfsig'].every(onPath) && SOFTHSM_MODULE !== null;

export interface TestPki {
  dir: string;
  token: Extract<SealConfig, { kind: 'pkcs11' }>;
  p12: Extract<SealConfig, { kind: 'p12' }>;
  caPem: string;
  /** The seal certificate's common name. */
  sealName: string;
}

const sh = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync(cmd, args, { cwd: undefined, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

/** Creates the CA, the token with the seal, and the PKCS#12 file; sets SOFTHSM2_CONF for this process and its children. */
export function makeTestPki(sealName: string): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), 'lt-pki-'));
  const at = (f: string) => path.join(dir, f);
  mkdirSync(at('tokens'));
  writeFileSync(at('softhsm2.conf'), `directories.tokendir = ${at('tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  process.env.SOFTHSM2_CONF = at('softhsm2.conf');
  const module = SOFTHSM_MODULE as string;
  const pin = '246810';
  const token = ['--module', module, '--token-label', 'lt-seal'];
  sh('softhsm2-util', ['--init-token', '--free', '--label', 'lt-seal', '--pin', pin, '--so-pin', '13579111']);
  sh('pkcs11-tool', [...token, '--login', '--pin', 'env:PIN', '--keypairgen', '--key-type', 'rsa:2048', '--id', '01', '--label', 'seal'], {
    PIN: pin,
  });
  sh('pkcs11-tool', [...token, '--read-object', '--type', 'pubkey', '--id', '01', '-o', at('pub.der')]);
  sh('openssl', ['pkey', '-pubin', '-inform', 'DER', '-in', at('pub.der'), '-out', at('pub.pem')]);
  const ca = ['-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-days', '30'];
  sh('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.pem'),
    '-subj',
    '/CN=Liên Trường Test CA',
    '-utf8',
    '-days',
    '30',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const leaf = (name: string, subject: string, ext: string, forcePub?: string) => {
    writeFileSync(at(`${name}.ext`), ext);
    sh('openssl', [
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      at(`${name}.key`),
      '-out',
      at(`${name}.csr`),
      '-utf8',
      '-subj',
      subject,
    ]);
    sh('openssl', [
      'x509',
      '-req',
      '-in',
      at(`${name}.csr`),
      ...(forcePub ? ['-force_pubkey', forcePub] : []),
      ...ca,
      '-extfile',
      at(`${name}.ext`),
      '-out',
      at(`${name}.pem`),
    ]);
  };
  const sealExt = 'keyUsage=critical,digitalSignature,nonRepudiation\n';
  leaf('seal', `/O=${sealName}/CN=${sealName}`, sealExt, at('pub.pem'));
  sh('openssl', ['x509', '-in', at('seal.pem'), '-outform', 'DER', '-out', at('seal.der')]);
  sh(
    'pkcs11-tool',
    [...token, '--login', '--pin', 'env:PIN', '--write-object', at('seal.der'), '--type', 'cert', '--id', '01', '--label', 'seal'],
    { PIN: pin },
  );
  leaf('filekey', `/O=${sealName}/CN=${sealName} (tệp)`, sealExt);
  sh(
    'openssl',
    [
      'pkcs12',
      '-export',
      '-inkey',
      at('filekey.key'),
      '-in',
      at('filekey.pem'),
      '-certfile',
      at('ca.pem'),
      '-out',
      at('seal.p12'),
      '-passout',
      'env:P12',
    ],
    { P12: 'mật-khẩu' },
  );
  leaf('tsa', '/CN=Liên Trường Test TSA', 'extendedKeyUsage=critical,timeStamping\nkeyUsage=critical,digitalSignature\n');
  writeFileSync(at('tsaserial'), '01\n');
  writeFileSync(
    at('tsa.cnf'),
    [
      '[ tsa ]',
      'default_tsa = tsa1',
      '[ tsa1 ]',
      `serial = ${at('tsaserial')}`,
      `signer_cert = ${at('tsa.pem')}`,
      `certs = ${at('ca.pem')}`,
      `signer_key = ${at('tsa.key')}`,
      'signer_digest = sha256',
      'default_policy = 1.2.3.4.1',
      'digests = sha256',
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = no',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  return {
    dir,
    token: { kind: 'pkcs11', module, slot: null, tokenLabel: 'lt-seal', pin, keyId: '01', certPath: null },
    p12: { kind: 'p12', path: at('seal.p12'), passphrase: 'mật-khẩu' },
    caPem: readFileSync(at('ca.pem'), 'utf8'),
    sealName,
  };
}

/** The loopback timestamp server: each POST body is a TimeStampReq answered by `openssl ts -reply`. */
export async function startTsa(pki: TestPki): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      count++;
      const work = mkdtempSync(path.join(pki.dir, 'ts-'));
      writeFileSync(path.join(work, 'q.tsq'), Buffer.concat(chunks));
      execFile(
        'openssl',
        [
          'ts',
          '-reply',
          '-config',
          path.join(pki.dir, 'tsa.cnf'),
          '-queryfile',
          path.join(work, 'q.tsq'),
          '-out',
          path.join(work, 'r.tsr'),
        ],
        (err) => {
          if (err) {
            res.writeHead(500).end();
            return;
          }
          res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(readFileSync(path.join(work, 'r.tsr')));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    requests: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** pdfsig's report of a file (exit code ignored: a bad signature is a non-zero exit). */
export function pdfsig(file: string): string {
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? '');
  }
}
