import i18next from 'i18next';

/** The initialised i18next instance, for code outside React components. */
export const i18n = i18next;
