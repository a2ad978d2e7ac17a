import { type ApiResult, type Channel, type ChannelParsedInput, channels } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { refreshSessionUser } from '../services/auth/auth-service';
import type { AppServices, Session } from '../services/context';
import { type Handler, handlers } from '../services/handlers';

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channels, name);
}

/**
 * A data folder whose data key waits for its passphrase (browser mode started without one, decision 014):
 * `services()` is null until `unlock` opened it.
 */
export interface LockedFolder {
  readonly locked: true;
  services(): AppServices | null;
  /** Opens the folder; a wrong passphrase is ENCRYPTION_KEY_INVALID and leaves every file as it was. */
  unlock(passphrase: string): Promise<void>;
}

type Log = (err: unknown) => void;

function parseInput<C extends Channel>(channel: C, rawInput: unknown): ChannelParsedInput<C> {
  const parsed = channels[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    throw new AppError('BAD_INPUT', 'Некорректные данные запроса', {
      issues: parsed.error.issues.map((i) => ({ field: i.path.join('.'), rule: i.code, message: i.message })),
    });
  }
  return parsed.data as ChannelParsedInput<C>;
}

/** Runs one call and turns every failure into a typed error body (an unexpected one is logged). */
async function settle(run: () => Promise<unknown>, log: Log): Promise<ApiResult<unknown>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toBody() };
    log(err);
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'Внутренняя ошибка приложения. Подробности записаны в журнал.' },
    };
  }
}

/**
 * The single entry of both hosts: checks the channel, validates the input with the contract's zod
 * schema, checks the session, runs the handler, and turns every failure into a typed error body.
 */
export function dispatch(
  services: AppServices,
  session: Session,
  channel: string,
  rawInput: unknown,
  log: Log = (err) =>
    services.logger ? services.logger.error({ err, channel }, 'Internal error') : console.error(err),
): Promise<ApiResult<unknown>> {
  return settle(async () => {
    if (!isChannel(channel)) throw new AppError('NOT_FOUND', `Неизвестная операция «${channel.slice(0, 60)}»`);
    const spec = channels[channel];
    if (!spec.public && !session.user) throw new AppError('NOT_AUTHENTICATED', 'Войдите в систему');
    if (!spec.public) refreshSessionUser({ ...services, session });
    if (session.mustChangePassword && !spec.public && !('duringPasswordChange' in spec)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Смените временный пароль, чтобы продолжить работу');
    }
    const input = parseInput(channel, rawInput);
    const handler = handlers[channel] as Handler<Channel>;
    return handler({ ...services, session }, input as never);
  }, log);
}

/**
 * The browser-mode host before the passphrase (decision 014): only `app:status` (locked) and
 * `encryption:unlock` answer; every other channel is DATABASE_LOCKED. Once unlocked, `dispatch` serves.
 */
export function dispatchLocked(
  folder: LockedFolder,
  channel: string,
  rawInput: unknown,
  log: Log = (err) => console.error(err),
): Promise<ApiResult<unknown>> {
  return settle(async () => {
    if (channel === 'app:status') return { locked: folder.services() === null };
    if (channel !== 'encryption:unlock') {
      throw new AppError('DATABASE_LOCKED', 'База данных зашифрована: сначала откройте её парольной фразой');
    }
    await folder.unlock(parseInput(channel, rawInput).passphrase);
    return {};
  }, log);
}
