import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, setLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.language === 'be' ? 'be' : 'ru';
  return (
    <select
      className="lang-switch"
      aria-label={t('lang.label')}
      title={t('lang.label')}
      value={current}
      onChange={(e) => setLanguage(e.target.value === 'be' ? 'be' : 'ru')}
      data-testid="language-switch"
    >
      {LANGUAGES.map((lng) => (
        <option key={lng} value={lng}>
          {t(`lang.${lng}`)}
        </option>
      ))}
    </select>
  );
}
