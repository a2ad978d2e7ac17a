/**
 * The shapes the providers need from `../cms` (detached CMS SignedData with bign, written by the CMS
 * work) and `../pki` (the issuing helper for development certificates). The providers take these as
 * dependencies instead of importing the modules, so each side is tested on its own; the registry
 * wires the real implementations in.
 */

/**
 * Signs a 32-byte belt-hash value — the hash of the DER of the signed attributes (SET OF tag 0x31)
 * — and returns the 48-byte bign signature (STB 34.101.45, bign-with-hbelt).
 */
export type SignHash = (hash: Uint8Array) => Promise<Uint8Array>;

export interface BuildSignedDataInput {
  /** The document's bytes: hashed into the messageDigest attribute, not embedded (detached). */
  content: Uint8Array;
  /** DER of the signer's X.509 certificate (carried in SignedData.certificates and the sid). */
  certificateDer: Uint8Array;
  signHash: SignHash;
  /** Put into the signingTime signed attribute. */
  signingTime: Date;
}

/** Builds a detached CMS SignedData (ContentInfo DER) with one bign signer. */
export type BuildSignedData = (input: BuildSignedDataInput) => Promise<Uint8Array>;

export interface DevelopmentCertificateRequest {
  /** The owner's full name, the subject's commonName (e.g. «Иванов Иван Иванович»). */
  commonName: string;
  /** The owner's bign public key, 64 bytes <Q>. */
  publicKey: Uint8Array;
  notBefore: Date;
  notAfter: Date;
}

/** Issues an X.509 certificate (DER) for a development key, signed by the development CA. */
export type IssueDevelopmentCertificate = (request: DevelopmentCertificateRequest) => Promise<Uint8Array>;
