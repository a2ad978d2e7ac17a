import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { be } from './be';
import { ru } from './ru';

export const LANGUAGES = ['ru', 'be'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'arm.language';

function storedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'be' ? 'be' : 'ru';
}

/** Russian is primary; Belarusian falls back to Russian for anything not translated. */
export function initI18n(): typeof i18next {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources: { ru: { translation: ru }, be: { translation: be } },
    lng,
    fallbackLng: 'ru',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  return i18next;
}

export function setLanguage(lng: Language): void {
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
  void i18next.changeLanguage(lng);
}

export function currentLanguage(): Language {
  return i18next.language === 'be' ? 'be' : 'ru';
}
