import { resolve } from 'node:path';
import { createCentralServer } from '../../server';
import { DEMO_ORGANISATION } from '../../shared/demo/demo-organisation';
import { CliError, runCli } from './run-cli';

const USAGE =
  'использование: npm run central -- [--port 8300] [--data <папка>] [--simulate-applicants N] ' +
  '[--client-id ID --client-secret S]';
const DEFAULT_PORT = 8300;
const DEMO_CLIENT = { clientId: 'demo-org', clientSecret: 'demo-secret' };

function integerOption(value: string | boolean | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n > max) {
    throw new CliError(
      `неверное значение --${name} «${String(value)}»: ожидается целое число от 0 до ${max}; ${USAGE}`,
    );
  }
  return n;
}

function textOption(value: string | boolean | undefined, name: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`пустое значение --${name}; ${USAGE}`);
  return value;
}

/**
 * The reference central server for the demo (`npm start`), manual testing and benchmarks: one
 * organisation (the demo administration) with one API client. Prints `{ url, clientId }` and runs
 * until SIGINT/SIGTERM. Without --data everything is kept in memory.
 */
await runCli(
  {
    port: { type: 'string' },
    data: { type: 'string' },
    'simulate-applicants': { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
  },
  async ({ values }) => {
    const port = integerOption(values.port, 'port', DEFAULT_PORT, 65_535);
    const perMinute = integerOption(values['simulate-applicants'], 'simulate-applicants', 0, 6_000);
    const clientId = textOption(values['client-id'], 'client-id', DEMO_CLIENT.clientId);
    const clientSecret = textOption(values['client-secret'], 'client-secret', DEMO_CLIENT.clientSecret);
    const dataDir = values.data === undefined ? null : resolve(textOption(values.data, 'data', ''));
    const orgId = 'demo-org';
    const central = createCentralServer({
      dataDir,
      clients: [
        {
          clientId,
          clientSecret,
          orgId,
          orgName: DEMO_ORGANISATION.name,
          regIndex: DEMO_ORGANISATION.regIndex,
          numberingPattern: DEMO_ORGANISATION.numberingPattern,
        },
      ],
    });
    let url: string;
    try {
      url = await central.listen(port);
    } catch (err) {
      await central.close();
      const code = (err as { code?: string }).code;
      throw new CliError(code === 'EADDRINUSE' ? `порт ${port} уже занят` : `сервер не запущен: ${String(err)}`);
    }
    if (perMinute > 0) {
      central.simulateApplicants({
        perMinute,
        orgId,
        seed: 1,
        onError: (err) => process.stderr.write(`Ошибка имитации заявителей (остановлена): ${String(err)}\n`),
      });
    }
    const stop = () => {
      central.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return { url, clientId };
  },
);
