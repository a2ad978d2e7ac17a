import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { AppServices, Session } from '../services/context';
import { dispatch, dispatchLocked, type LockedFolder } from './dispatch';
import { CONTENT_SECURITY_POLICY } from './security-policy';

/**
 * Browser-mode host (design.md): the same handler table as IPC, behind a loopback HTTP server.
 * 127.0.0.1 only; a random per-run session token (given to the page in the URL fragment, never sent
 * in a request line); Host and Origin checked on every request against DNS rebinding and CSRF.
 */
export interface HttpHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 25 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8') {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'cross-origin-resource-policy': 'same-origin',
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Peers the host answers: the machine itself (IPv4, IPv6, IPv4-mapped IPv6). */
export function isLoopbackPeer(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * Why a request is refused before anything else runs, or null: a peer that is not this machine (defence
 * in depth behind the 127.0.0.1 bind), a Host that is not ours (DNS rebinding), a foreign Origin (CSRF).
 */
export function refusal(
  req: Pick<IncomingMessage, 'headers'> & { socket: { remoteAddress?: string | undefined } },
  allowedHosts: ReadonlySet<string>,
): 'peer' | 'host' | 'origin' | null {
  if (!isLoopbackPeer(req.socket.remoteAddress)) return 'peer';
  if (!allowedHosts.has(req.headers.host ?? '')) return 'host';
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return 'origin';
  return null;
}

/** `target` is the opened folder's services, or a locked folder that serves only its unlock until opened. */
export async function startHttpHost(
  target: AppServices | LockedFolder,
  options: { rendererDir: string; port?: number; token?: string },
): Promise<HttpHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const session: Session = { user: null };
  let allowedHosts: Set<string> = new Set();

  async function serveStatic(pathname: string, res: ServerResponse) {
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(
      /^([/\\])+/,
      '',
    );
    const file = join(options.rendererDir, relative);
    if (!file.startsWith(options.rendererDir + sep) || relative.includes('\0')) return send(res, 404, '{}');
    try {
      const body = await readFile(file);
      send(res, 200, body, MIME[extname(file)] ?? 'application/octet-stream');
    } catch {
      send(res, 404, '{"error":"not found"}');
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const refused = refusal(req, allowedHosts);
    if (refused) return send(res, 403, JSON.stringify({ error: refused }));
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/api/')) {
      return req.method === 'GET' ? serveStatic(url.pathname, res) : send(res, 405, '{}');
    }
    if (req.method !== 'POST') return send(res, 405, '{"error":"method"}');
    const auth = req.headers.authorization ?? '';
    if (!sameSecret(auth.replace(/^Bearer /, ''), token)) return send(res, 401, '{"error":"token"}');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, '{}');
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return send(
        res,
        400,
        JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: 'Некорректный запрос' } }),
      );
    }
    const channel = url.pathname.slice('/api/'.length);
    const services = 'locked' in target ? target.services() : target;
    const result = services
      ? await dispatch(services, session, channel, input)
      : await dispatchLocked(target as LockedFolder, channel, input);
    send(res, 200, JSON.stringify(result));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, '{}'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
