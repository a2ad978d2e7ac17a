import { i18n } from './i18n-instance';

const number = new Intl.NumberFormat('ru-RU');

export function formatCount(n: number): string {
  return number.format(n);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return i18n.t('size.bytes', { value: String(bytes) });
  if (bytes < 1024 * 1024) return i18n.t('size.kb', { value: (bytes / 1024).toFixed(1).replace('.', ',') });
  return i18n.t('size.mb', { value: (bytes / 1024 / 1024).toFixed(1).replace('.', ',') });
}
