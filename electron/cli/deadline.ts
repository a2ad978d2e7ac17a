import { formatMinsk, isLocalDate, NATIONAL_CALENDAR, parseInstant } from '../../shared/calendar';
import { isReviewTerm, registrationDeadline, reviewDeadline } from '../../shared/deadlines';
import { CliError, runCli } from './run-cli';

const USAGE =
  'использование: deadline registration --received <дата-время ISO> | ' +
  'review --registered <дата-время ISO> --term 15d|1m | is-working <ГГГГ-ММ-ДД>';

function instantOption(value: string | boolean | undefined, name: string): Date {
  if (typeof value !== 'string') throw new CliError(`не указан параметр --${name}; ${USAGE}`);
  const instant = parseInstant(value);
  if (!instant)
    throw new CliError(`неверная дата-время --${name} «${value}»: ожидается, например, 2026-03-06T17:30:00+03:00`);
  return instant;
}

/** Deadlines from the national calendar (organisation data lives in the database, not here). */
await runCli(
  { received: { type: 'string' }, registered: { type: 'string' }, term: { type: 'string' } },
  ({ values, positionals }) => {
    const [command, ...rest] = positionals;
    if (command === 'registration') {
      const { deadline, explanation } = registrationDeadline(instantOption(values.received, 'received'));
      return { deadline: formatMinsk(deadline), explanation };
    }
    if (command === 'review') {
      const term = values.term;
      if (typeof term !== 'string' || !isReviewTerm(term))
        throw new CliError(`срок --term должен быть 15d (15 дней) или 1m (один месяц), получено «${term ?? ''}»`);
      const { deadline, explanation } = reviewDeadline(instantOption(values.registered, 'registered'), term);
      return { deadline: formatMinsk(deadline), explanation };
    }
    if (command === 'is-working') {
      const date = rest[0];
      if (!date || !isLocalDate(date)) throw new CliError(`неверная дата «${date ?? ''}»: ожидается ГГГГ-ММ-ДД`);
      return NATIONAL_CALENDAR.isWorkingDay(date);
    }
    throw new CliError(command ? `неизвестная команда «${command}»; ${USAGE}` : USAGE);
  },
);
