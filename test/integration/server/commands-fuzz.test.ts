import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandResultsSchema } from '../../../shared/sync/protocol';
import { type Harness, harness, registeredCard } from './central-fixture';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.server.close());

const problemOr200 = (status: number, body: string) => {
  expect(status, body).toBeLessThan(500);
  if (status === 200) commandResultsSchema.parse(JSON.parse(body));
  else expect(Object.keys(JSON.parse(body) as object).sort()).toEqual(['code', 'message']);
};

/** Mutates one field of a valid card into random JSON. */
const mutatedCard = fc
  .tuple(
    fc.constantFrom(
      'kind',
      'applicant',
      'summary',
      'content',
      'receivedAt',
      'registeredAt',
      'attachments',
      'regNumber',
      'numberProvisional',
      'topicCodes',
      'id',
      'status',
    ),
    fc.jsonValue(),
  )
  .map(([field, value]) => ({ ...registeredCard(), [field]: value }));

describe('POST /api/v1/commands under random input', () => {
  it('random JSON bodies never produce a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const res = await h.call('POST', '/api/v1/commands', { raw: JSON.stringify(body) });
        problemOr200(res.statusCode, res.body);
      }),
      { numRuns: 150 },
    );
  });

  it('random raw bodies never produce a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (raw) => {
        const res = await h.call('POST', '/api/v1/commands', { raw });
        problemOr200(res.statusCode, res.body);
      }),
      { numRuns: 100 },
    );
  });

  it('random commands and half-broken cards are answered per command, never a 500', async () => {
    const command = fc.record({
      id: fc.uuid({ version: 7 }),
      type: fc.oneof(fc.constant('RegisterAppeal'), fc.string({ maxLength: 20 })),
      appealId: fc.option(fc.string({ maxLength: 40 })),
      payload: fc.oneof(fc.jsonValue(), mutatedCard),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        const res = await h.call('POST', '/api/v1/commands', { body: { commands } });
        // Fastify refuses prototype-poisoning keys outright (400); everything else is answered per command.
        if (/"(__proto__|constructor)"/.test(JSON.stringify(commands))) {
          problemOr200(res.statusCode, res.body);
          if (res.statusCode !== 200) return;
        }
        expect(res.statusCode, res.body).toBe(200);
        const { results } = commandResultsSchema.parse(res.json());
        expect(results.map((r) => r.id)).toEqual(commands.map((c) => c.id));
      }),
      { numRuns: 100 },
    );
  });
});
