/**
 * A fake of the identification client's loopback service (node:http on 127.0.0.1, port 0) speaking
 * the protocol modelled in ntclient-protocol.ts: status, certificates, sign (detached CMS) and
 * sign-hash, the error bodies, a card with a PIN and a try counter, a scripted PIN window, a
 * "hanging" mode for timeouts and a count of requests per path (to prove that signing is not retried).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bignSign } from '../../../../shared/crypto';
import { buildTestSignedDataSync, type TestSigner } from '../../../unit/services/signing/providers/fakes/test-pki';

export interface FakeCard {
  signer: TestSigner;
  id: string;
  pin: string;
  triesLeft: number;
}

export class FakeNtClient {
  capabilities: string[] = ['sign-cms-detached', 'sign-hash'];
  card: FakeCard | null = null;
  /** The user at the client's PIN window: a PIN, or null for «Отмена». */
  pinWindow: () => string | null = () => this.card?.pin ?? null;
  /** Paths that never answer (a hung client). */
  readonly hang = new Set<string>();
  /** Answer the next request of a path with this status and body. */
  readonly failNext = new Map<string, { status: number; body: unknown }>();
  readonly requests: string[] = [];
  lastSignBody: Record<string, unknown> | null = null;
  private server: Server | null = null;
  private readonly hanging: ServerResponse[] = [];

  async start(): Promise<string> {
    const server = createServer((req, res) => this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging.splice(0)) res.destroy();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
    this.server = null;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').replace(/^\/api\/v1/, '');
      this.requests.push(`${req.method} ${path}`);
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const error = (status: number, code: string, extra: Record<string, unknown> = {}) =>
        send(status, { error: { code, message: `fake: ${code}`, ...extra } });
      if (this.hang.has(path)) {
        this.hanging.push(res);
        return;
      }
      const failure = this.failNext.get(path);
      if (failure) {
        this.failNext.delete(path);
        send(failure.status, failure.body);
        return;
      }
      const body =
        chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      if (req.method === 'GET' && path === '/status') {
        send(200, {
          product: 'NT Client Software (fake)',
          version: '0.0-test',
          card: { present: this.card !== null, reader: 'Fake ID Reader 0' },
          capabilities: this.capabilities,
          somethingNew: true,
        });
        return;
      }
      if (req.method === 'GET' && path === '/certificates') {
        if (!this.card) return error(409, 'CARD_ABSENT');
        send(200, {
          certificates: [
            { id: this.card.id, certificate: Buffer.from(this.card.signer.certificateDer).toString('base64') },
          ],
        });
        return;
      }
      if (req.method === 'POST' && (path === '/sign' || path === '/sign-hash')) {
        this.lastSignBody = body;
        const card = this.card;
        if (!card) return error(409, 'CARD_ABSENT');
        if (body.certificateId !== card.id) return error(404, 'CERT_NOT_FOUND');
        if (card.triesLeft <= 0) return error(423, 'PIN_BLOCKED');
        const pin = this.pinWindow();
        if (pin === null) return error(409, 'CANCELLED');
        if (pin !== card.pin) {
          card.triesLeft -= 1;
          return card.triesLeft <= 0
            ? error(423, 'PIN_BLOCKED')
            : error(401, 'PIN_INVALID', { attemptsLeft: card.triesLeft });
        }
        card.triesLeft = 3;
        const sign = (hash: Uint8Array) => bignSign(hash, card.signer.privateKey);
        if (path === '/sign') {
          if (!this.capabilities.includes('sign-cms-detached')) return error(404, 'NOT_SUPPORTED');
          const cms = buildTestSignedDataSync({
            content: new Uint8Array(Buffer.from(String(body.data), 'base64')),
            certificateDer: card.signer.certificateDer,
            sign,
            signingTime: new Date(String(body.signingTime)),
          });
          send(200, { signature: Buffer.from(cms).toString('base64') });
          return;
        }
        const hash = new Uint8Array(Buffer.from(String(body.hash), 'base64'));
        if (hash.length !== 32) return error(400, 'BAD_REQUEST');
        send(200, { signature: Buffer.from(sign(hash)).toString('base64') });
        return;
      }
      error(404, 'NOT_FOUND');
    });
  }
}
