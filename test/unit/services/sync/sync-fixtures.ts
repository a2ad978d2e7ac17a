import { v7 as uuidv7 } from 'uuid';
import { registerAppeal } from '../../../../electron/services/appeals/register-appeal';
import { uploadAttachment } from '../../../../electron/services/attachments/upload-attachment';
import type { FiledAppeal } from '../../../../shared/sync/protocol';
import { draft, makeTestServices, TINY_PDF } from '../../../helpers/test-services';

export type Env = ReturnType<typeof makeTestServices>;

/** Test services whose organisation takes numbers from the central system (provisional offline). */
export function centralServices(clock?: () => Date): Env {
  const env = makeTestServices(clock);
  env.services.store.sqlite.prepare("UPDATE organisations SET numbering_authority = 'central'").run();
  return env;
}

/** Registers `n` appeals (the i-th with a small PDF when `withFile`); returns their ids. */
export function registerSome(env: Env, n: number, withFile = false): string[] {
  return Array.from({ length: n }, (_, i) => {
    const attachments = [];
    if (withFile) {
      const bytes = Buffer.concat([TINY_PDF, Buffer.from(`%${i}-${Math.random()}\n`)]);
      const pdf = uploadAttachment(env.clerk, { name: `скан-${i}.pdf`, dataBase64: bytes.toString('base64') });
      attachments.push({ sha256: pdf.sha256, name: pdf.name, participantsList: false });
    }
    return registerAppeal(env.clerk, { id: null, draft: draft({ attachments }), expectedVersion: null }).id;
  });
}

/** An appeal as the portal files it (protocol `appeal.filed` data). */
export function filedAppeal(files: FiledAppeal['files'] = [], surname = 'Сидоренко'): FiledAppeal {
  const { attachments: _none, ...rest } = draft({
    form: 'electronic',
    source: 'portal',
    answerForm: 'electronic',
    applicant: {
      kind: 'person',
      surname,
      name: 'Ольга',
      patronymic: 'Викторовна',
      address: 'г. Минск, пр. Независимости, д. 4, кв. 1',
      phone: '',
      email: 'olga@example.by',
    },
    receivedAt: '2026-03-10T08:15:00+03:00',
  });
  return { id: uuidv7(), filedAt: '2026-03-10T08:15:00+03:00', draft: rest, files };
}

export function count(env: Env, sql: string, ...params: unknown[]): number {
  return (env.services.store.sqlite.prepare(sql).get(...params) as { n: number }).n;
}
