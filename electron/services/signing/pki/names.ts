/**
 * Distinguished names (RFC 5280 4.1.2.4, X.520): building them for issued certificates and printing
 * them for the clerk — the owner's name (surname + given name, else CN) and an RFC 4514 string.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { NAME_ATTRIBUTES, type NameAttribute } from './oids';

/** A name by attribute, e.g. `{ country: 'BY', organization: 'Исполком', commonName: 'Иванов Иван' }`. */
export type NameSpec = Partial<Record<NameAttribute, string>>;

/** Most general first, as certification authorities encode them (one attribute per RDN). */
const ORDER: readonly NameAttribute[] = [
  'country',
  'stateOrProvince',
  'locality',
  'street',
  'organization',
  'organizationalUnit',
  'title',
  'surname',
  'name',
  'givenName',
  'serialNumber',
  'commonName',
  'email',
];

function attributeValue(attribute: NameAttribute, value: string): asn1js.BaseStringBlock {
  // X.520: countryName and serialNumber are PrintableString, e-mail IA5String; the rest UTF8String (RFC 5280).
  if (attribute === 'country' || attribute === 'serialNumber') return new asn1js.PrintableString({ value });
  if (attribute === 'email') return new asn1js.IA5String({ value });
  return new asn1js.Utf8String({ value });
}

/**
 * The Name of `spec`, one attribute per RDN (pkijs would put them all into one multi-valued RDN), kept
 * as its DER so that re-encoding (issuer names, IssuerAndSerialNumber) reproduces it byte for byte.
 */
export function buildName(spec: NameSpec): pkijs.RelativeDistinguishedNames {
  const rdns: asn1js.Set[] = [];
  for (const attribute of ORDER) {
    const value = spec[attribute];
    if (value === undefined || value === '') continue;
    const typeAndValue = new pkijs.AttributeTypeAndValue({
      type: NAME_ATTRIBUTES[attribute].oid,
      value: attributeValue(attribute, value),
    });
    rdns.push(new asn1js.Set({ value: [typeAndValue.toSchema()] }));
  }
  if (rdns.length === 0) throw new Error('buildName: the name has no attributes');
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER(false));
}

const SHORT_BY_OID = new Map<string, string>(Object.values(NAME_ATTRIBUTES).map((a) => [a.oid, a.short]));

function valueText(value: unknown): string {
  const block = (value as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock;
  return typeof block?.value === 'string' ? block.value : '';
}

/** The attributes of a name in encoded order: `[{ short: 'CN', oid: '2.5.4.3', value: '…' }, …]`. */
export function nameAttributes(
  name: pkijs.RelativeDistinguishedNames,
): { oid: string; short: string; value: string }[] {
  return name.typesAndValues.map((tv) => ({
    oid: tv.type,
    short: SHORT_BY_OID.get(tv.type) ?? tv.type,
    value: valueText(tv.value),
  }));
}

function first(name: pkijs.RelativeDistinguishedNames, attribute: NameAttribute): string | undefined {
  const oid = NAME_ATTRIBUTES[attribute].oid;
  return nameAttributes(name)
    .find((a) => a.oid === oid && a.value.trim() !== '')
    ?.value.trim();
}

function escapeValue(value: string): string {
  return value.replace(/([,+"\\<>;])/g, '\\$1').replace(/^([ #])/, '\\$1');
}

/** RFC 4514 string, most specific first: `CN=Иванов Иван, O=Исполком, C=BY`. */
export function formatName(name: pkijs.RelativeDistinguishedNames): string {
  return nameAttributes(name)
    .reverse()
    .map((a) => `${a.short}=${escapeValue(a.value)}`)
    .join(', ');
}

/**
 * The owner's name for the clerk: surname + name («Имя Отчество», 2.5.4.41) or given name, else CN,
 * else O, else the whole name — a ГосСУОК certificate's CN often holds the organisation, not the person.
 */
export function displayName(name: pkijs.RelativeDistinguishedNames): string {
  const surname = first(name, 'surname');
  const given = first(name, 'name') ?? first(name, 'givenName');
  if (surname) return given ? `${surname} ${given}` : surname;
  return first(name, 'commonName') ?? first(name, 'organization') ?? (formatName(name) || '—');
}

/** The issuer's name for the clerk: CN, else O, else the whole name. */
export function authorityName(name: pkijs.RelativeDistinguishedNames): string {
  return first(name, 'commonName') ?? first(name, 'organization') ?? (formatName(name) || '—');
}
