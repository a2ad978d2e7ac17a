import { afterEach, describe, expect, it } from 'vitest';
import { tokenResponseSchema } from '../../../shared/sync/protocol';
import { type Harness, harness, ORG_A, ORG_B } from './central-fixture';

let h: Harness;
afterEach(() => h?.server.close());

const tokenRequest = (body: unknown) =>
  h.server.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: body as object });

describe('POST /api/v1/auth/token', () => {
  it('exchanges the Client ID and Secret Access Key for a bearer token of tokenTtlSeconds', async () => {
    h = await harness(null, 600);
    const res = await tokenRequest({ clientId: ORG_A.clientId, clientSecret: ORG_A.clientSecret });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = tokenResponseSchema.parse(res.json());
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 600 });
    expect(body.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const feed = await h.call('GET', '/api/v1/changes', { token: body.accessToken });
    expect(feed.statusCode).toBe(200);
  });

  it('refuses a wrong secret, an unknown client and another client’s secret with INVALID_CLIENT', async () => {
    h = await harness();
    for (const body of [
      { clientId: ORG_A.clientId, clientSecret: `${ORG_A.clientSecret}x` },
      { clientId: 'nobody', clientSecret: ORG_A.clientSecret },
      { clientId: ORG_A.clientId, clientSecret: ORG_B.clientSecret },
    ]) {
      const res = await tokenRequest(body);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'INVALID_CLIENT', message: 'Неверный Client ID или Secret Access Key' });
      expect(res.body).not.toContain(ORG_A.clientSecret);
    }
  });

  it('answers 400 with an ApiProblem to a malformed token request', async () => {
    h = await harness();
    for (const body of [{}, { clientId: ORG_A.clientId }, { clientId: 1, clientSecret: 2 }, []]) {
      const res = await tokenRequest(body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'BAD_REQUEST' });
    }
  });
});

describe('bearer tokens', () => {
  it('every route but the token request needs Authorization: Bearer', async () => {
    h = await harness();
    const sha = 'a'.repeat(64);
    for (const [method, url] of [
      ['GET', '/api/v1/changes'],
      ['POST', '/api/v1/commands'],
      ['GET', `/api/v1/files/${sha}`],
      ['PUT', `/api/v1/files/${sha}`],
      ['GET', '/api/v1/organisations'],
      ['GET', '/api/v1/openapi.json'],
    ] as const) {
      const res = await h.server.app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHORIZED' });
      expect(res.headers['www-authenticate']).toContain('Bearer');
    }
    const head = await h.server.app.inject({ method: 'HEAD', url: `/api/v1/files/${sha}` });
    expect(head.statusCode).toBe(401);
  });

  it('an unknown or malformed token is UNAUTHORIZED', async () => {
    h = await harness();
    for (const authorization of [
      'Bearer nonsense',
      'Basic Zm9vOmJhcg==',
      'Bearer',
      'bearer    ',
      `Bearer ${'x'.repeat(600)}`,
    ]) {
      const res = await h.server.app.inject({ method: 'GET', url: '/api/v1/changes', headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    }
  });

  it('a token past its lifetime is TOKEN_EXPIRED; a new one works', async () => {
    h = await harness(null, 900);
    const token = await h.token();
    h.clock.advance(899_000);
    expect((await h.call('GET', '/api/v1/changes', { token })).statusCode).toBe(200);
    h.clock.advance(1_000);
    const expired = await h.call('GET', '/api/v1/changes', { token });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'TOKEN_EXPIRED' });
    const fresh = await h.token();
    expect((await h.call('GET', '/api/v1/changes', { token: fresh })).statusCode).toBe(200);
  });

  it('a restarted server forgets every token (clients get UNAUTHORIZED and ask again)', async () => {
    h = await harness();
    const token = await h.token();
    await h.server.close();
    h = await harness();
    expect((await h.call('GET', '/api/v1/changes', { token })).json()).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
