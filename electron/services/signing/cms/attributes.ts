/**
 * Signed attributes of a SignerInfo (RFC 5652 5.3, 11; STB 34.101.23): contentType, signingTime and
 * messageDigest. The signature covers the DER of the SET OF Attribute (tag 0x31, RFC 5652 5.4), whose
 * elements DER orders by their encodings (X.690 11.6) — pkijs keeps the given order, so they are sorted here.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PkiError } from '../pki/codes';
import { encode } from '../pki/der';
import { OID_ATTR_CONTENT_TYPE, OID_ATTR_MESSAGE_DIGEST, OID_ATTR_SIGNING_TIME } from '../pki/oids';
import { x509Time } from '../pki/time';

export interface SignedAttributeValues {
  contentType: string;
  messageDigest: Uint8Array;
  signingTime?: Date;
}

function byEncoding(a: pkijs.Attribute, b: pkijs.Attribute): number {
  return Buffer.compare(encode(a.toSchema()), encode(b.toSchema()));
}

/** The three attributes in DER order. signingTime: UTCTime until 2049 (RFC 5652 11.3). */
export function signedAttributes(values: Required<SignedAttributeValues>): pkijs.Attribute[] {
  return [
    new pkijs.Attribute({
      type: OID_ATTR_CONTENT_TYPE,
      values: [new asn1js.ObjectIdentifier({ value: values.contentType })],
    }),
    new pkijs.Attribute({ type: OID_ATTR_SIGNING_TIME, values: [x509Time(values.signingTime).toSchema()] }),
    new pkijs.Attribute({
      type: OID_ATTR_MESSAGE_DIGEST,
      values: [new asn1js.OctetString({ valueHex: values.messageDigest })],
    }),
  ].sort(byEncoding);
}

/** DER of `SignedAttrs` as signed: the explicit SET OF tag 0x31. */
export function signedAttributesDer(attributes: readonly pkijs.Attribute[]): Uint8Array {
  return encode(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }));
}

function malformed(detail: string): PkiError {
  return new PkiError('MALFORMED', `Подпись повреждена: ${detail}`);
}

/** The single value of the attribute `type`, or undefined; RFC 5652 5.3 forbids repeating these. */
function single(attributes: readonly pkijs.Attribute[], type: string, name: string): unknown {
  const found = attributes.filter((a) => a.type === type);
  if (found.length === 0) return undefined;
  if (found.length > 1 || found[0]?.values.length !== 1) throw malformed(`атрибут ${name} повторяется`);
  return found[0]?.values[0];
}

/** contentType and messageDigest (mandatory, RFC 5652 5.3) and signingTime (optional). */
export function readSignedAttributes(attributes: readonly pkijs.Attribute[]): SignedAttributeValues {
  const contentType = single(attributes, OID_ATTR_CONTENT_TYPE, 'contentType');
  const messageDigest = single(attributes, OID_ATTR_MESSAGE_DIGEST, 'messageDigest');
  const signingTime = single(attributes, OID_ATTR_SIGNING_TIME, 'signingTime');
  if (!(contentType instanceof asn1js.ObjectIdentifier)) throw malformed('нет атрибута contentType');
  if (!(messageDigest instanceof asn1js.OctetString)) throw malformed('нет атрибута messageDigest');
  const values: SignedAttributeValues = {
    contentType: contentType.valueBlock.toString(),
    messageDigest: Uint8Array.from(messageDigest.valueBlock.valueHexView),
  };
  if (signingTime !== undefined) {
    if (!(signingTime instanceof asn1js.UTCTime || signingTime instanceof asn1js.GeneralizedTime)) {
      throw malformed('неверный атрибут signingTime');
    }
    const date = signingTime.toDate();
    if (Number.isNaN(date.getTime())) throw malformed('неверный атрибут signingTime');
    values.signingTime = date;
  }
  return values;
}
