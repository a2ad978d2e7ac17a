import { type ApiResult, type Channel, channels } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { refreshSessionUser } from '../services/auth/auth-service';
import type { AppServices, Session } from '../services/context';
import { type Handler, handlers } from '../services/handlers';

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channels, name);
}

/**
 * The single entry of both hosts: checks the channel, validates the input with the contract's zod
 * schema, checks the session, runs the handler, and turns every failure into a typed error body.
 */
export async function dispatch(
  services: AppServices,
  session: Session,
  channel: string,
  rawInput: unknown,
  log: (err: unknown) => void = (err) =>
    services.logger ? services.logger.error({ err, channel }, 'Internal error') : console.error(err),
): Promise<ApiResult<unknown>> {
  try {
    if (!isChannel(channel)) throw new AppError('NOT_FOUND', `Неизвестная операция «${channel.slice(0, 60)}»`);
    const spec = channels[channel];
    if (!spec.public && !session.user) throw new AppError('NOT_AUTHENTICATED', 'Войдите в систему');
    if (!spec.public) refreshSessionUser({ ...services, session });
    if (session.mustChangePassword && !spec.public && !('duringPasswordChange' in spec)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Смените временный пароль, чтобы продолжить работу');
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      throw new AppError('BAD_INPUT', 'Некорректные данные запроса', {
        issues: parsed.error.issues.map((i) => ({ field: i.path.join('.'), rule: i.code, message: i.message })),
      });
    }
    const handler = handlers[channel] as Handler<Channel>;
    const value = await handler({ ...services, session }, parsed.data as never);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toBody() };
    log(err);
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'Внутренняя ошибка приложения. Подробности записаны в журнал.' },
    };
  }
}
