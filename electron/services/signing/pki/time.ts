/** X.509 / CMS times (RFC 5280 4.1.2.5, 5.1.2.4; RFC 5652 11.3). */
import * as pkijs from 'pkijs';

/** Whole seconds: the times carry no fractions. */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise. */
export function x509Time(date: Date): pkijs.Time {
  const value = wholeSeconds(date);
  const year = value.getUTCFullYear();
  return new pkijs.Time({ type: year >= 1950 && year < 2050 ? 0 : 1, value });
}
