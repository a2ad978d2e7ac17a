import { afterEach, describe, expect, it } from 'vitest';
import { organisationsPageSchema } from '../../../shared/sync/protocol';
import { type Harness, harness, ORG_A, ORG_B } from './central-fixture';

let h: Harness;
afterEach(() => h?.server.close());

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

const refsOf = (value: unknown): string[] =>
  JSON.stringify(value)
    .match(/"\$ref":"[^"]+"/g)
    ?.map((r) => r.slice(8, -1)) ?? [];

describe('GET /api/v1/openapi.json', () => {
  it('is OpenAPI 3.1 and lists every route the server has', async () => {
    h = await harness();
    const res = await h.call('GET', '/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as OpenApi;
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((k) => k !== 'parameters')
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = h.server.routes.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThanOrEqual(8);
    expect(documented.sort()).toEqual([...served].sort());
  });

  it('generates the schemas from the protocol, every $ref resolves, unknown fields stay allowed', async () => {
    h = await harness();
    const doc = (await h.call('GET', '/api/v1/openapi.json')).json() as OpenApi;
    const names = Object.keys(doc.components.schemas);
    for (const name of [
      'TokenRequest',
      'TokenResponse',
      'CommandBatch',
      'CommandResults',
      'ChangesPage',
      'Change',
      'FiledAppeal',
      'ApiProblem',
      'OrganisationsPage',
      'AppealCard',
      'ReviewCommand',
    ]) {
      expect(names).toContain(name);
    }
    for (const ref of refsOf(doc)) {
      expect(names, ref).toContain(ref.replace('#/components/schemas/', ''));
    }
    expect(JSON.stringify(doc.components.schemas)).not.toContain('"additionalProperties":false');
    const change = doc.components.schemas.Change as { oneOf?: unknown[]; anyOf?: unknown[] };
    expect((change.oneOf ?? change.anyOf)?.length).toBe(6);
  });
});

describe('versions and unknown routes', () => {
  it('any other API version is 404 UNSUPPORTED_VERSION, with or without a token', async () => {
    h = await harness();
    for (const path of ['/api/v0/changes', '/api/v3/changes', '/api/v3', '/api/v10/commands']) {
      for (const res of [await h.call('GET', path), await h.server.app.inject({ method: 'POST', url: path })]) {
        expect(res.statusCode, path).toBe(404);
        const body = res.json() as { code: string; message: string };
        expect(body.code).toBe('UNSUPPORTED_VERSION');
        expect(body.message).toContain('v1, v2');
      }
    }
  });

  it('an unknown v1 route is 404 NOT_FOUND with an ApiProblem', async () => {
    h = await harness();
    const res = await h.call('GET', '/api/v1/appeals');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('GET /api/v1/organisations', () => {
  it('lists state bodies (исполкомы, министерства) and some non-state organisations, not the caller itself', async () => {
    h = await harness();
    const { organisations } = organisationsPageSchema.parse(
      (await h.call('GET', '/api/v1/organisations', { token: await h.token(ORG_B) })).json(),
    );
    expect(organisations.length).toBeGreaterThanOrEqual(20);
    const names = organisations.map((o) => o.name);
    expect(names).toContain('Минский городской исполнительный комитет');
    expect(names).toContain('Министерство жилищно-коммунального хозяйства Республики Беларусь');
    expect(names).not.toContain(ORG_B.orgName);
    expect(organisations.filter((o) => !o.state).length).toBeGreaterThanOrEqual(2);
    expect(new Set(organisations.map((o) => o.id)).size).toBe(organisations.length);
    for (const o of organisations.filter((x) => x.unp !== '')) expect(o.unp).toMatch(/^\d{9}$/);
    // The configured organisation replaces the directory entry of the same name (keeping its УНП and parent).
    expect(organisations.find((o) => o.name === ORG_A.orgName)).toEqual({
      id: ORG_A.orgId,
      name: ORG_A.orgName,
      unp: '100584162',
      state: true,
      parentId: 'minsk-gik',
      subordinate: false,
    });
    // Org B (a district executive committee of the Minsk region) has no subordinates in the directory.
    expect(organisations.filter((o) => o.subordinate)).toEqual([]);
  });

  it('marks the organisations subordinate to the caller [4.7]', async () => {
    h = await harness();
    const { organisations } = organisationsPageSchema.parse((await h.call('GET', '/api/v1/organisations')).json());
    expect(organisations.find((o) => o.id === ORG_A.orgId)).toBeUndefined();
    const subordinate = organisations.filter((o) => o.subordinate);
    expect(subordinate.length).toBeGreaterThanOrEqual(2);
    for (const o of subordinate) expect(o).toMatchObject({ state: true, parentId: ORG_A.orgId });
  });
});
