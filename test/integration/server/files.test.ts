import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness, ORG_B, sha256Of } from './central-fixture';

let h: Harness;
let dir: string | undefined;
afterEach(async () => {
  await h?.server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const MIB = 1024 * 1024;
const pdfBytes = (size: number, fill = 7) => {
  const bytes = Buffer.alloc(size, fill);
  bytes.write('%PDF-1.4\n');
  return bytes;
};
const url = (sha: string) => `/api/v1/files/${sha}`;
const put = (sha: string, raw: Buffer, headers: Record<string, string> = {}, token?: string) =>
  h.call('PUT', url(sha), { raw, headers, ...(token ? { token } : {}) });
const head = (sha: string, token?: string) => h.call('HEAD', url(sha), token ? { token } : {});

describe('files: content-addressed, resumable, ≤ 15 MiB', () => {
  it('stores a whole file (201), acknowledges it again (200), HEAD 200 + Content-Length, GET the bytes', async () => {
    h = await harness();
    const bytes = pdfBytes(100_000);
    const sha = sha256Of(bytes);
    expect((await head(sha)).statusCode).toBe(404);
    const first = await put(sha, bytes);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ sha256: sha, size: 100_000, complete: true });
    expect((await put(sha, bytes)).statusCode).toBe(200);
    const status = await head(sha);
    expect(status.statusCode).toBe(200);
    expect(status.headers['content-length']).toBe('100000');
    expect(status.body).toBe('');
    const got = await h.call('GET', url(sha));
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/octet-stream');
    expect(got.rawPayload.equals(bytes)).toBe(true);
  });

  it('resumes a partial upload: Upload-Length keeps it partial (202), HEAD 206 + Upload-Offset, the rest completes it', async () => {
    h = await harness();
    const bytes = pdfBytes(50_000);
    const sha = sha256Of(bytes);
    const length = { 'upload-length': '50000' };
    const part = await put(sha, bytes.subarray(0, 20_000), length);
    expect(part.statusCode).toBe(202);
    expect(part.headers['upload-offset']).toBe('20000');
    const status = await head(sha);
    expect(status.statusCode).toBe(206);
    expect(status.headers['upload-offset']).toBe('20000');
    // A gap is refused with the offset to continue from.
    const gap = await put(sha, bytes.subarray(30_000), { 'upload-offset': '30000' });
    expect(gap.statusCode).toBe(409);
    expect(gap.headers['upload-offset']).toBe('20000');
    expect(gap.json()).toMatchObject({ code: 'OFFSET_MISMATCH' });
    // Resending from an earlier offset is fine (the partial is cut back to it).
    expect(
      (await put(sha, bytes.subarray(10_000, 30_000), { 'upload-offset': '10000', ...length })).headers[
        'upload-offset'
      ],
    ).toBe('30000');
    const done = await put(sha, bytes.subarray(30_000), { 'upload-offset': '30000' });
    expect(done.statusCode).toBe(201);
    expect((await h.call('GET', url(sha))).rawPayload.equals(bytes)).toBe(true);
  });

  it('checks the sha256 on completion: a mismatch is 422 and the partial is discarded', async () => {
    h = await harness();
    const bytes = pdfBytes(10_000);
    const sha = sha256Of(bytes);
    await put(sha, bytes.subarray(0, 4_000), { 'upload-length': '10000' });
    const corrupted = Buffer.from(bytes.subarray(4_000));
    corrupted[100] = 1;
    const res = await put(sha, corrupted, { 'upload-offset': '4000' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'SHA256_MISMATCH' });
    expect((await head(sha)).statusCode).toBe(404);
    expect((await put(sha, bytes)).statusCode).toBe(201);
  });

  it('refuses more than 15 MiB with 413: by Upload-Length, by Content-Length, by the bytes actually sent', async () => {
    h = await harness();
    const sha = 'e'.repeat(64);
    const byLength = await put(sha, Buffer.from('%PDF'), { 'upload-length': String(15 * MIB + 1) });
    expect(byLength.statusCode).toBe(413);
    expect(byLength.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    const big = pdfBytes(15 * MIB + 1);
    const byContentLength = await put(sha256Of(big), big);
    expect(byContentLength.statusCode).toBe(413);
    // Resuming past the limit.
    const start = pdfBytes(15 * MIB - 10);
    const bigSha = sha256Of(Buffer.concat([start, Buffer.alloc(20)]));
    expect((await put(bigSha, start, { 'upload-length': String(15 * MIB - 5) })).statusCode).toBe(202);
    expect((await put(bigSha, Buffer.alloc(20), { 'upload-offset': String(15 * MIB - 10) })).statusCode).toBe(413);
    // Exactly 15 MiB is accepted.
    const max = pdfBytes(15 * MIB);
    expect((await put(sha256Of(max), max)).statusCode).toBe(201);
  });

  it('answers malformed requests with an ApiProblem: bad sha, bad offset, more bytes than Upload-Length, no octet-stream', async () => {
    h = await harness();
    const bytes = pdfBytes(100);
    const sha = sha256Of(bytes);
    expect((await put('ABC', bytes)).json()).toMatchObject({ code: 'INVALID_SHA256' });
    expect((await put(sha.toUpperCase(), bytes)).statusCode).toBe(400);
    expect((await put(sha, bytes, { 'upload-offset': '-1' })).statusCode).toBe(400);
    const tooLong = await put(sha, bytes, { 'upload-length': '50' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'LENGTH_MISMATCH' });
    const json = await h.call('PUT', url(sha), { body: { bytes: 'x' } });
    expect(json.statusCode).toBe(415);
    expect((await h.call('GET', url(sha))).json()).toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('keeps files per organisation: another organisation neither sees nor downloads them', async () => {
    h = await harness();
    const bytes = pdfBytes(1_000);
    const sha = sha256Of(bytes);
    await put(sha, bytes);
    const tokenB = await h.token(ORG_B);
    expect((await head(sha, tokenB)).statusCode).toBe(404);
    expect((await h.call('GET', url(sha), { token: tokenB })).statusCode).toBe(404);
    // B proves possession by uploading it; the bytes are stored once.
    expect((await put(sha, bytes, {}, tokenB)).statusCode).toBe(201);
    expect((await head(sha, tokenB)).statusCode).toBe(200);
  });

  it('keeps files and partial uploads on disk across a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'central-files-'));
    h = await harness(dir);
    const whole = pdfBytes(5_000, 1);
    const half = pdfBytes(6_000, 2);
    await put(sha256Of(whole), whole);
    await put(sha256Of(half), half.subarray(0, 3_000), { 'upload-length': '6000' });
    await h.server.close();
    h = await harness(dir);
    expect((await head(sha256Of(whole))).headers['content-length']).toBe('5000');
    expect((await head(sha256Of(half))).headers['upload-offset']).toBe('3000');
    expect((await put(sha256Of(half), half.subarray(3_000), { 'upload-offset': '3000' })).statusCode).toBe(201);
    expect((await h.call('GET', url(sha256Of(half)))).rawPayload.equals(half)).toBe(true);
  });
});

describe('files over a real connection', () => {
  function rawPut(base: string, token: string, sha: string, headers: Record<string, string>) {
    return request(`${base}${url(sha)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', ...headers },
    });
  }

  async function waitForOffset(sha: string, offset: number) {
    for (let i = 0; i < 200; i++) {
      const res = await head(sha);
      if (res.headers['upload-offset'] === String(offset)) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`offset ${offset} never reached`);
  }

  it('an upload cut off mid-way keeps what arrived; the client resumes from HEAD’s offset', async () => {
    h = await harness();
    const base = await h.server.listen(0);
    const token = await h.token();
    const bytes = pdfBytes(2 * MIB);
    const sha = sha256Of(bytes);
    const req = rawPut(base, token, sha, { 'content-length': String(bytes.length) });
    req.on('error', () => {});
    req.write(bytes.subarray(0, MIB));
    await waitForOffset(sha, MIB);
    req.destroy();
    await new Promise((r) => setTimeout(r, 50));
    const status = await head(sha);
    expect(status.statusCode).toBe(206);
    expect(status.headers['upload-offset']).toBe(String(MIB));
    const rest = await fetch(`${base}${url(sha)}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'upload-offset': String(MIB),
      },
      body: bytes.subarray(MIB),
    });
    expect(rest.status).toBe(201);
    const got = await fetch(`${base}${url(sha)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('a newer PUT of the same file supersedes one still in progress', async () => {
    h = await harness();
    const base = await h.server.listen(0);
    const token = await h.token();
    const bytes = pdfBytes(MIB);
    const sha = sha256Of(bytes);
    const stale = rawPut(base, token, sha, { 'content-length': String(bytes.length) });
    const staleClosed = new Promise((resolve) => stale.on('close', resolve));
    stale.on('error', () => {});
    stale.write(bytes.subarray(0, 100_000));
    await waitForOffset(sha, 100_000);
    const fresh = await fetch(`${base}${url(sha)}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'upload-offset': '50000',
      },
      body: bytes.subarray(50_000),
    });
    expect(fresh.status).toBe(201);
    await staleClosed;
  });

  it('refuses a chunked body (no Content-Length) once it passes 15 MiB, and still answers', async () => {
    h = await harness();
    const base = await h.server.listen(0);
    const token = await h.token();
    const chunk = Buffer.alloc(MIB, 3);
    const body = Readable.from(
      (function* () {
        for (let i = 0; i < 17; i++) yield chunk;
      })(),
    );
    const res = await fetch(`${base}${url('d'.repeat(64))}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: Readable.toWeb(body) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect((await head('d'.repeat(64))).statusCode).toBe(404);
  });
});
