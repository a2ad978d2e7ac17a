import { createServer, type IncomingHttpHeaders, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the proxy does with one HTTP request:
 * - `pass`: forward and relay the answer;
 * - `refuse`: drop the connection before forwarding (the server never sees the request);
 * - `lose-response`: forward, let the server finish, then drop the connection before the answer
 *   reaches the client (the "lost response": applied on the server, unknown to the client);
 * - `delay`: wait `ms` (bounded), then forward;
 * - `unavailable`: answer 503 with `Retry-After` without forwarding;
 * - `cut-request`: forward only the first half of the body, then drop both sides (a cut-off upload).
 */
export type Fault =
  | { kind: 'pass' }
  | { kind: 'refuse' }
  | { kind: 'lose-response' }
  | { kind: 'delay'; ms: number }
  | { kind: 'unavailable'; retryAfterSeconds: number }
  | { kind: 'cut-request' };

export interface ProxiedRequest {
  method: string;
  path: string;
  /** 0-based index of this request since the proxy started. */
  index: number;
  headers: IncomingHttpHeaders;
}

export type FaultPlan = (request: ProxiedRequest) => Fault;

export interface FaultProxy {
  /** Base URL to give the client, e.g. `http://127.0.0.1:40123`. */
  url: string;
  setPlan(plan: FaultPlan): void;
  /** Shorthand: every request refused (network down) or passed (network back). */
  setOffline(offline: boolean): void;
  readonly stats: { requests: number; forwarded: number; byKind: Record<Fault['kind'], number> };
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  /** Longest delay honoured (ms); longer ones are cut to it. */
  maxDelayMs?: number;
  /** Largest request body accepted (bytes); larger ones are refused. */
  maxBodyBytes?: number;
  /** After this many requests everything is refused (a runaway client cannot spin forever). */
  maxRequests?: number;
}

const PASS: Fault = { kind: 'pass' };
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A fault-injecting HTTP proxy for sync tests: loopback only (it listens on 127.0.0.1 and forwards
 * only to a loopback target), bounded in delay, body size and request count.
 */
export async function startFaultProxy(target: string, options: FaultProxyOptions = {}): Promise<FaultProxy> {
  const upstream = new URL(target);
  if (!LOOPBACK.has(upstream.hostname))
    throw new Error(`fault proxy forwards to loopback only, not ${upstream.hostname}`);
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  const maxBodyBytes = options.maxBodyBytes ?? 20 * 1024 * 1024;
  const maxRequests = options.maxRequests ?? 100_000;
  let plan: FaultPlan = () => PASS;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const byKind = { pass: 0, refuse: 0, 'lose-response': 0, delay: 0, unavailable: 0, 'cut-request': 0 };
  const stats = { requests: 0, forwarded: 0, byKind };

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, fault: Fault) => {
    stats.forwarded += 1;
    const out = request({
      host: upstream.hostname === 'localhost' ? '127.0.0.1' : upstream.hostname.replace(/^\[|\]$/g, ''),
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: upstream.host, connection: 'close' },
      agent: false,
      timeout: 30_000,
    });
    out.on('timeout', () => out.destroy());
    out.on('error', () => req.socket.destroy());
    out.on('response', (answer) => {
      if (fault.kind === 'lose-response') {
        answer.resume();
        answer.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    if (fault.kind === 'cut-request') {
      out.write(body.subarray(0, Math.floor(body.length / 2)));
      const timer = setTimeout(() => {
        timers.delete(timer);
        out.destroy();
        req.socket.destroy();
      }, 50);
      timers.add(timer);
      return;
    }
    out.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const index = stats.requests++;
    const fault =
      index >= maxRequests
        ? { kind: 'refuse' as const }
        : plan({ method: req.method ?? 'GET', path: req.url ?? '/', index, headers: req.headers });
    byKind[fault.kind] += 1;
    switch (fault.kind) {
      case 'refuse':
        req.socket.destroy();
        return;
      case 'unavailable':
        res.writeHead(503, {
          'content-type': 'application/json',
          'retry-after': String(fault.retryAfterSeconds),
          connection: 'close',
        });
        res.end(JSON.stringify({ code: 'UNAVAILABLE', message: 'Сервис временно недоступен' }));
        return;
      case 'delay': {
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            if (!req.socket.destroyed) forward(req, res, body, fault);
          },
          Math.min(fault.ms, maxDelayMs),
        );
        timers.add(timer);
        return;
      }
      default:
        forward(req, res, body, fault);
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) req.socket.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
    req.on('error', () => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setPlan: (next) => {
      plan = next;
    },
    setOffline: (offline) => {
      plan = offline ? () => ({ kind: 'refuse' }) : () => PASS;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
