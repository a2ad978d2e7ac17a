import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCertificate } from './pki/certificate';
import { createDevelopmentPki, developmentCertificateIssuer } from './pki/dev-pki';
import type { IssuedCertificate } from './pki/issue';

/**
 * The development PKI of one data folder (issue «ЭЦП»: the software key store is for development,
 * tests and demonstration): a test root and an intermediate CA, made once and kept in
 * `<data>/pki/development-ca.json` (0600; the root's private key is not kept). Its root and intermediate
 * are written to `<data>/pki/roots/` so development signatures verify like any other — and are labelled
 * development.
 */
const fileSchema = z.object({
  format: z.literal('arm-appeals/development-ca'),
  rootDer: z.string(),
  intermediateDer: z.string(),
  intermediatePrivateKey: z.string(),
  intermediatePublicKey: z.string(),
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export const PKI_FOLDER = 'pki';
export const ROOTS_FOLDER = join(PKI_FOLDER, 'roots');
const CA_FILE = join(PKI_FOLDER, 'development-ca.json');
export const DEVELOPMENT_ROOT_FILE = 'development-root.cer';

export function developmentCa(dataDir: string, now: Date = new Date()): IssuedCertificate {
  const path = join(dataDir, CA_FILE);
  if (existsSync(path)) {
    const stored = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    const der = bytesOf(stored.intermediateDer);
    return {
      der,
      parsed: parseCertificate(der),
      keyPair: { privateKey: bytesOf(stored.intermediatePrivateKey), publicKey: bytesOf(stored.intermediatePublicKey) },
    };
  }
  // Valid from a year back, so cards of the past year (the demo's, imported ones) can be signed and checked.
  const pki = createDevelopmentPki({ now: new Date(now.getTime() - 365 * 86_400_000) });
  mkdirSync(join(dataDir, ROOTS_FOLDER), { recursive: true });
  writeFileSync(join(dataDir, ROOTS_FOLDER, DEVELOPMENT_ROOT_FILE), pki.root.der);
  // The intermediate completes the path (signatures carry only the signer's certificate).
  writeFileSync(join(dataDir, ROOTS_FOLDER, 'development-intermediate.cer'), pki.intermediate.der);
  writeFileSync(
    path,
    JSON.stringify({
      format: 'arm-appeals/development-ca',
      rootDer: b64(pki.root.der),
      intermediateDer: b64(pki.intermediate.der),
      intermediatePrivateKey: b64(pki.intermediate.keyPair.privateKey),
      intermediatePublicKey: b64(pki.intermediate.keyPair.publicKey),
    }),
    { mode: 0o600 },
  );
  chmodSync(path, 0o600);
  return pki.intermediate;
}

/** Issues development signing certificates under this data folder's development CA. */
export function developmentIssuer(dataDir: string, now: Date = new Date()) {
  return developmentCertificateIssuer(developmentCa(dataDir, now));
}
