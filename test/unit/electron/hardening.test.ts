import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLoopbackPeer, refusal } from '../../../electron/host/http';
import { CONTENT_SECURITY_POLICY } from '../../../electron/host/security-policy';

/**
 * Issue #10 "Hardening". Electronegativity itself runs in `npm test` (`scripts/electronegativity.ts`,
 * its gate tested in `electronegativity.test.ts`); this static check adds what it cannot see: guards
 * spread over helpers, the CSP's exact directives, dangerous calls anywhere in the shell's files. The
 * window's webPreferences at run time: `main.test.ts`.
 */

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const directives = (csp: string) =>
  new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe('Electron window (Electronegativity rules, checked statically)', () => {
  it('the shell source sets every guard and nothing that weakens one', () => {
    const main = readFileSync('electron/main.ts', 'utf8');
    for (const guard of [
      "on('will-navigate'",
      'setWindowOpenHandler(',
      "action: 'deny'",
      "on('will-attach-webview'",
      'setPermissionRequestHandler(',
      'callback(false)',
      "'Content-Security-Policy'",
      'webPreferences: {',
    ]) {
      expect(main, guard).toContain(guard);
    }
    const shell = ['electron/main.ts', 'electron/main-entry.ts', 'electron/preload.ts', ...filesUnder('electron/host')];
    const dangerous = [
      /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/,
      /contextIsolation\s*:\s*false/,
      /sandbox\s*:\s*false/,
      /webSecurity\s*:\s*false/,
      /allowRunningInsecureContent\s*:\s*true/,
      /experimentalFeatures\s*:\s*true/,
      /enableBlinkFeatures/,
      /webviewTag\s*:\s*true/,
      /enableRemoteModule/,
      /openExternal\(/,
      /openDevTools\(/,
      /setPermissionCheckHandler\([^)]*true/,
      /\beval\(/,
      /new Function\(/,
      /insecure-content|ignore-certificate-errors|disable-web-security/,
    ];
    for (const file of shell) {
      const text = readFileSync(file, 'utf8');
      for (const rule of dangerous) expect(text, `${file}: ${rule}`).not.toMatch(rule);
    }
  });

  it('the preload exposes one invoke function, never ipcRenderer itself', () => {
    const preload = readFileSync('electron/preload.ts', 'utf8');
    expect(preload).toContain("contextBridge.exposeInMainWorld('api', bridge)");
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});

describe('Content-Security-Policy', () => {
  it('allows scripts only from the app itself: no inline scripts, no eval, no plugins, no framing', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-hashes|\*/);
  });

  it('the page carries the same script policy and no inline script', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(directives(meta).get('script-src')).toEqual(["'self'"]);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+="/i);
  });
});

describe('loopback host: who may call', () => {
  const allowed = new Set(['127.0.0.1:4000', 'localhost:4000']);
  const req = (remoteAddress: string | undefined, headers: Record<string, string>) => ({
    socket: { remoteAddress },
    headers,
  });

  it('answers only this machine', () => {
    for (const peer of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackPeer(peer)).toBe(true);
    for (const peer of ['192.168.1.20', '10.0.0.1', '::ffff:192.168.1.20', 'fe80::1', '', undefined]) {
      expect(isLoopbackPeer(peer)).toBe(false);
    }
  });

  it('refuses a foreign peer, Host or Origin before anything else', () => {
    const host = { host: '127.0.0.1:4000' };
    expect(refusal(req('127.0.0.1', host), allowed)).toBeNull();
    expect(refusal(req('127.0.0.1', { ...host, origin: 'http://localhost:4000' }), allowed)).toBeNull();
    expect(refusal(req('192.168.1.20', host), allowed)).toBe('peer');
    expect(refusal(req('127.0.0.1', { host: 'evil.example:4000' }), allowed)).toBe('host');
    expect(refusal(req('127.0.0.1', { host: '127.0.0.1:4001' }), allowed)).toBe('host');
    expect(refusal(req('127.0.0.1', {}), allowed)).toBe('host');
    for (const origin of ['http://evil.example', 'https://127.0.0.1:4000', 'null', 'http://127.0.0.1:4001']) {
      expect(refusal(req('127.0.0.1', { ...host, origin }), allowed), origin).toBe('origin');
    }
  });
});
