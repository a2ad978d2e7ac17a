import type { SecurityEventType } from './schema';

/** Russian names of the security log's event types (viewer, CSV export). */
export const SECURITY_EVENT_NAMES: Record<SecurityEventType, string> = {
  login: 'Вход',
  'login-certificate': 'Вход по ЭЦП',
  logout: 'Выход',
  'account-locked': 'Блокировка учётной записи',
  'account-unlocked': 'Разблокировка учётной записи',
  'session-unlock': 'Снятие блокировки сеанса',
  'account-created': 'Создание учётной записи',
  'account-updated': 'Изменение учётной записи',
  'roles-changed': 'Изменение ролей',
  'account-disabled': 'Отключение учётной записи',
  'account-enabled': 'Включение учётной записи',
  'password-reset': 'Сброс пароля',
  'password-changed': 'Смена пароля',
  'settings-changed': 'Изменение настроек',
  'security-log-exported': 'Выгрузка журнала безопасности',
  export: 'Экспорт',
  signing: 'Подписание ЭЦП',
  'certificate-bound': 'Привязка сертификата к учётной записи',
  'certificate-unbound': 'Отвязка сертификата от учётной записи',
  'json-import': 'Загрузка JSON',
  'backup-created': 'Создание резервной копии',
  'backup-verified': 'Проверка резервной копии',
  'backup-restored': 'Восстановление из резервной копии',
  'backup-deleted': 'Удаление резервной копии',
  'encryption-enabled': 'Шифрование базы данных',
  'encryption-disabled': 'Снятие шифрования базы данных',
};

export const SECURITY_RESULT_NAMES = { success: 'успешно', failure: 'отказ' } as const;

/** The type's Russian name; types this version does not know (written by a newer one) as they are. */
export function securityEventName(type: string): string {
  return (SECURITY_EVENT_NAMES as Record<string, string>)[type] ?? type;
}

/** Russian names of the keys the services put into an entry's details. */
export const SECURITY_DETAIL_NAMES: Record<string, string> = {
  by: 'кем',
  roles: 'роли',
  added: 'добавлены',
  removed: 'сняты',
  fields: 'поля',
  reason: 'причина',
  failedLogins: 'неудачных попыток',
  lockedUntil: 'заблокирована до',
  setting: 'настройка',
  from: 'было',
  to: 'стало',
  rows: 'записей',
  filter: 'отбор',
  format: 'формат',
  appealId: 'обращение',
  regNumber: 'рег. номер',
  document: 'документ',
  provider: 'провайдер',
  code: 'код',
  signatureId: 'подпись',
  certificate: 'сертификат',
  serialNumber: 'серийный номер',
  issuer: 'издатель',
};
