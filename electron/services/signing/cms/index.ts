/** Detached CMS SignedData with bign (RFC 5652, STB 34.101.23): building and verifying. */
export { readSignedAttributes, type SignedAttributeValues } from './attributes';
export { type BuildSignedDataOptions, buildSignedData } from './build';
export { findSigner, type ParsedSignedData, parseSignedData } from './parse';
export { type SignerSummary, type VerifyOptions, type VerifyResult, verifyDetached } from './verify';
