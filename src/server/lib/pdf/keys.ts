import { execFile } from 'node:child_process';
import { createPrivateKey, createPublicKey, type KeyObject, sign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The installation's seal (decision 0032): a key that signs and its certificate chain. Keys never enter the database:
 * either a PKCS#12 file read by `openssl pkcs12` with its passphrase (small installs), or a PKCS#11 token (USB token
 * or HSM) used through OpenSC's `pkcs11-tool` as a child process, so the private key never leaves the token. The PIN
 * and the passphrase reach the tools through the child's environment, never its command line.
 */

/** How the seal is reached, from the environment (README lists the variables). */
export type SealConfig =
  | { kind: 'p12'; path: string; passphrase: string }
  | {
      kind: 'pkcs11';
      module: string;
      slot: string | null;
      tokenLabel: string | null;
      pin: string;
      keyId: string;
      /** A PEM/DER file with the certificate (and chain); read from the token (same id) when null. */
      certPath: string | null;
    };

/** A key able to sign: its certificates (the signer's first, DER) and RSA PKCS#1 v1.5 over SHA-256 of the data. */
export interface KeySigner {
  certificates: Buffer[];
  sign(data: Buffer): Promise<Buffer>;
}

/** Reads SIGN_P12_* or SIGN_PKCS11_* (null when neither is set). */
export function sealConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SealConfig | null {
  if (env.SIGN_P12_PATH) return { kind: 'p12', path: env.SIGN_P12_PATH, passphrase: env.SIGN_P12_PASSPHRASE ?? '' };
  if (!env.SIGN_PKCS11_MODULE) return null;
  const pin = env.SIGN_PKCS11_PIN_FILE ? readFileSync(env.SIGN_PKCS11_PIN_FILE, 'utf8').trim() : (env.SIGN_PKCS11_PIN ?? '');
  return {
    kind: 'pkcs11',
    module: env.SIGN_PKCS11_MODULE,
    slot: env.SIGN_PKCS11_SLOT || null,
    tokenLabel: env.SIGN_PKCS11_TOKEN_LABEL || null,
    pin,
    keyId: env.SIGN_PKCS11_KEY_ID ?? '01',
    certPath: env.SIGN_PKCS11_CERT_PATH || null,
  };
}

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    execFile(
      cmd,
      args,
      { env: { ...process.env, ...env }, encoding: 'buffer', timeout: 60_000, maxBuffer: 16 * 1_048_576 },
      (err, stdout, stderr) => (err ? reject(new Error(`${cmd}: ${stderr.toString().trim() || err.message}`)) : resolve(stdout)),
    ),
  );
}

const pemBlocks = (text: string, label: string) =>
  [...text.matchAll(new RegExp(`-----BEGIN ${label}-----[^-]+-----END ${label}-----`, 'g'))].map((m) => m[0]);

/** DER certificates of a PEM or DER file's content. */
function certificatesOf(content: Buffer): Buffer[] {
  const pems = pemBlocks(content.toString('latin1'), 'CERTIFICATE');
  return pems.length ? pems.map((p) => Buffer.from(new X509Certificate(p).raw)) : [content];
}

const spki = (k: KeyObject) => (k.type === 'public' ? k : createPublicKey(k)).export({ type: 'spki', format: 'der' }).toString('hex');

/** Puts the certificate whose public key is the key's first; the chain follows. */
function signerFirst(certs: Buffer[], publicKey: KeyObject): Buffer[] {
  const want = spki(publicKey);
  const own = certs.filter((c) => spki(new X509Certificate(c).publicKey) === want);
  if (!own.length) throw new Error('Không tìm thấy chứng thư số ứng với khóa ký');
  return [...own.slice(0, 1), ...certs.filter((c) => c !== own[0])];
}

async function p12Signer(c: Extract<SealConfig, { kind: 'p12' }>): Promise<KeySigner> {
  const pem = (
    await run('openssl', ['pkcs12', '-in', c.path, '-nodes', '-passin', 'env:LT_P12_PASS'], { LT_P12_PASS: c.passphrase })
  ).toString('latin1');
  const [keyPem] = pemBlocks(pem, 'PRIVATE KEY');
  if (!keyPem) throw new Error('Tệp PKCS#12 không có khóa bí mật');
  const key = createPrivateKey(keyPem);
  if (key.asymmetricKeyType !== 'rsa') throw new Error('Chỉ hỗ trợ khóa RSA');
  const certificates = signerFirst(certificatesOf(Buffer.from(pem, 'latin1')), createPublicKey(key));
  return { certificates, sign: async (data) => sign('sha256', data, key) };
}

async function pkcs11Signer(c: Extract<SealConfig, { kind: 'pkcs11' }>): Promise<KeySigner> {
  const token = ['--module', c.module, ...(c.slot ? ['--slot', c.slot] : []), ...(c.tokenLabel ? ['--token-label', c.tokenLabel] : [])];
  const dir = await mkdtemp(path.join(tmpdir(), 'lt-p11-'));
  try {
    const certFile = path.join(dir, 'cert.der');
    if (!c.certPath) await run('pkcs11-tool', [...token, '--read-object', '--type', 'cert', '--id', c.keyId, '-o', certFile]);
    const certs = certificatesOf(await readFile(c.certPath ?? certFile));
    return {
      certificates: certs,
      sign: async (data) => {
        const work = await mkdtemp(path.join(tmpdir(), 'lt-p11-'));
        try {
          const input = path.join(work, 'in');
          const output = path.join(work, 'out');
          await writeFile(input, data);
          const args = ['--login', '--pin', 'env:LT_PKCS11_PIN', '--sign', '--mechanism', 'SHA256-RSA-PKCS', '--id', c.keyId];
          await run('pkcs11-tool', [...token, ...args, '-i', input, '-o', output], { LT_PKCS11_PIN: c.pin });
          return await readFile(output);
        } finally {
          await rm(work, { recursive: true, force: true });
        }
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Opens the configured seal (reads its certificates; the key stays in the file or on the token). */
export function openSeal(c: SealConfig): Promise<KeySigner> {
  return c.kind === 'p12' ? p12Signer(c) : pkcs11Signer(c);
}
