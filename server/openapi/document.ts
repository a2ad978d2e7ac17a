import { API_VERSION } from '../../shared/sync/protocol';
import { componentSchemas, ref } from './components';

const json = (id: string) => ({ 'application/json': { schema: ref(id) } });
const problem = (description: string) => ({ description, content: json('ApiProblem') });
const UNAUTHORIZED = problem(
  'Нет токена, токен неизвестен (UNAUTHORIZED) или истёк (TOKEN_EXPIRED): получить новый и повторить',
);
const BAD_REQUEST = problem('Запрос не соответствует протоколу (BAD_REQUEST)');
const SHA_PARAM = {
  name: 'sha256',
  in: 'path',
  required: true,
  description: 'sha256 содержимого файла, 64 строчные шестнадцатеричные цифры',
  schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
};
const OFFSET_HEADER = {
  description: 'Сколько байт файла уже сохранено',
  schema: { type: 'integer', minimum: 0 },
};
const v = (path: string) => `/api/${API_VERSION}${path}`;

/** The OpenAPI 3.1 document of the central API: paths here, schemas generated from protocol.ts. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Система учёта и обработки обращений — API для ВСЭД (эталонная реализация)',
      version: '1.0.0',
      description:
        'REST + JSON, авторизация по «Client ID» и «Secret Access Key» организации (регламент 3.3, 4.12–4.14), ' +
        'обмен на короткоживущий токен. Версия в пути (/api/v1); прежняя версия поддерживается год. ' +
        'Все объекты нестрогие: обе стороны игнорируют неизвестные поля. Ошибки — HTTP-статус и ApiProblem.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: componentSchemas(),
    },
    security: [{ bearer: [] }],
    paths: {
      [v('/auth/token')]: {
        post: {
          operationId: 'issueToken',
          summary: 'Токен доступа по Client ID и Secret Access Key',
          security: [],
          requestBody: { required: true, content: json('TokenRequest') },
          responses: {
            200: { description: 'Токен на expiresIn секунд', content: json('TokenResponse') },
            400: BAD_REQUEST,
            401: problem('Неверные Client ID или Secret Access Key (INVALID_CLIENT); не повторять'),
          },
        },
      },
      [v('/changes')]: {
        get: {
          operationId: 'listChanges',
          summary: 'Лента изменений организации после курсора',
          description:
            'Элементы changes — объекты Change (appeal.filed, appeal.registered, appeal.numbered, appeal.status, ' +
            'appeal.action, classifier.topic); appeal.registered — карточка, зарегистрированная на рабочем месте ' +
            'организации (с официальным номером и файлами), для остальных её рабочих мест; ' +
            'appeal.action — действие рассмотрения с рабочего места организации (и своего тоже: ' +
            'commandId позволяет узнать его); перенаправленное обращение приходит получателю как appeal.filed; ' +
            'неизвестные типы клиент пропускает. next — курсор для сохранения, hasMore — запросить снова сразу.',
          parameters: [
            { name: 'after', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
          ],
          responses: {
            200: { description: 'Страница ленты', content: json('ChangesPage') },
            400: BAD_REQUEST,
            401: UNAUTHORIZED,
          },
        },
      },
      [v('/commands')]: {
        post: {
          operationId: 'applyCommands',
          summary: 'Пакет команд (до 100), каждая применяется не более одного раза по id',
          description:
            'RegisterAppeal: payload — карточка AppealCard. Отказы (reason.code): INVALID_PAYLOAD, VALIDATION_FAILED, ' +
            'FILE_MISSING, ALREADY_REGISTERED, APPEAL_WITHDRAWN, NUMBER_TAKEN. ReviewAction: payload — ReviewCommand ' +
            '(действие рассмотрения, статусы до и после, файлы). Отказы: INVALID_PAYLOAD, NOT_REGISTERED, CONFLICT ' +
            '(статус изменён на другом рабочем месте), ILLEGAL_TRANSITION, FILE_MISSING. Неизвестный тип: UNKNOWN_COMMAND.',
          requestBody: { required: true, content: json('CommandBatch') },
          responses: {
            200: { description: 'Результаты в порядке команд', content: json('CommandResults') },
            400: BAD_REQUEST,
            401: UNAUTHORIZED,
            413: problem('Пакет слишком большой (PAYLOAD_TOO_LARGE)'),
          },
        },
      },
      [v('/files/{sha256}')]: {
        parameters: [SHA_PARAM],
        head: {
          operationId: 'fileStatus',
          summary: 'Состояние файла',
          responses: {
            200: {
              description: 'Файл загружен полностью',
              headers: { 'Content-Length': { schema: { type: 'integer' } } },
            },
            206: { description: 'Загружен частично', headers: { 'Upload-Offset': OFFSET_HEADER } },
            401: { description: 'Нет или истёк токен' },
            404: { description: 'Файла нет' },
          },
        },
        put: {
          operationId: 'uploadFile',
          summary: 'Загрузка файла (до 15 МБ) с докачкой',
          description:
            'Тело — байты с позиции Upload-Offset (по умолчанию 0). Upload-Length — полный размер файла: пока он не ' +
            'достигнут, загрузка частичная (202). Без Upload-Length тело завершает файл. По завершении проверяется sha256.',
          parameters: [
            { name: 'Upload-Offset', in: 'header', schema: { type: 'integer', minimum: 0, default: 0 } },
            { name: 'Upload-Length', in: 'header', schema: { type: 'integer', minimum: 0, maximum: 15 * 1024 * 1024 } },
          ],
          requestBody: {
            required: true,
            content: {
              'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
            },
          },
          responses: {
            200: { description: 'Файл уже был загружен', content: json('FileStatus') },
            201: { description: 'Файл сохранён, sha256 совпал', content: json('FileStatus') },
            202: {
              description: 'Часть сохранена',
              headers: { 'Upload-Offset': OFFSET_HEADER },
              content: json('FileStatus'),
            },
            400: BAD_REQUEST,
            401: UNAUTHORIZED,
            409: {
              ...problem('Upload-Offset не совпадает с сохранённым (OFFSET_MISMATCH)'),
              headers: { 'Upload-Offset': OFFSET_HEADER },
            },
            413: problem('Файл больше 15 МБ (FILE_TOO_LARGE)'),
            415: problem('Content-Type не application/octet-stream'),
            422: problem('sha256 не совпал (SHA256_MISMATCH); частичная загрузка удалена'),
          },
        },
        get: {
          operationId: 'downloadFile',
          summary: 'Содержимое файла',
          responses: {
            200: {
              description: 'Байты файла',
              content: {
                'application/octet-stream': {
                  schema: { type: 'string', contentMediaType: 'application/octet-stream' },
                },
              },
            },
            401: UNAUTHORIZED,
            404: problem('Файл не найден (FILE_NOT_FOUND)'),
          },
        },
      },
      [v('/organisations')]: {
        get: {
          operationId: 'listOrganisations',
          summary: 'Справочник организаций для перенаправления, запросов и поручений',
          description:
            'parentId — вышестоящая организация; subordinate — подчинена организации токена (ей можно направить поручение).',
          responses: { 200: { description: 'Организации', content: json('OrganisationsPage') }, 401: UNAUTHORIZED },
        },
      },
      [v('/openapi.json')]: {
        get: {
          operationId: 'openApiDocument',
          summary: 'Этот документ',
          responses: {
            200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } },
            401: UNAUTHORIZED,
          },
        },
      },
    },
  };
}
