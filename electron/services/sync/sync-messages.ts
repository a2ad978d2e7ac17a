import { CentralError } from './central-error';
import { LocalFileMissing } from './upload-files';

/** The clerk's sentence for why the last round failed (status().lastError). */
export function describeSyncError(error: unknown): string {
  if (error instanceof LocalFileMissing) return `Не найден файл вложения в хранилище рабочего места (${error.sha256})`;
  if (!(error instanceof CentralError)) {
    const detail = error instanceof Error ? error.message : String(error);
    return `Ошибка синхронизации: ${detail}`;
  }
  switch (error.kind) {
    case 'network':
      return 'Нет связи с системой обращений. Изменения сохранены на рабочем месте и будут отправлены автоматически';
    case 'timeout':
      return 'Система обращений не ответила вовремя. Синхронизация будет повторена автоматически';
    case 'unavailable':
      return `Система обращений временно недоступна (код ${error.status ?? '—'}). Синхронизация будет повторена автоматически`;
    case 'auth':
      return 'Система обращений не приняла учётные данные организации (Client ID и Secret Access Key) — проверьте их в настройках';
    case 'config':
      return 'Не заданы учётные данные организации для системы обращений (Client ID и Secret Access Key)';
    case 'rejected':
      return `Система обращений отклонила запрос${error.problem ? `: ${error.problem.message}` : ` (код ${error.status ?? '—'})`}`;
    case 'protocol':
      return `Система обращений прислала ответ неожиданного формата (${error.message})`;
  }
}

/** `outbox.last_error` / a rejection reason: always JSON `{ code, message }`. */
export function errorRecord(error: unknown): string {
  const code = error instanceof CentralError ? error.kind.toUpperCase() : 'LOCAL';
  return JSON.stringify({ code, message: describeSyncError(error) });
}
