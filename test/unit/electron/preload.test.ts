import { describe, expect, it } from 'vitest';
import { bridge } from '../../../electron/preload';
import { recorded } from '../../fakes/electron';

describe('electron/preload.ts', () => {
  it('exposes exactly one object, window.api, with invoke only', () => {
    expect([...recorded.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(recorded.exposed.get('api') as object)).toEqual(['invoke']);
  });

  it('forwards well-formed channels and refuses anything else without touching IPC', async () => {
    await bridge.invoke('appeals:list', { limit: 1 });
    expect(recorded.invoked.at(-1)).toEqual({ channel: 'appeals:list', args: [{ limit: 1 }] });
    const before = recorded.invoked.length;
    expect(await bridge.invoke('../../etc', {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await bridge.invoke('ELECTRON_BROWSER_REQUIRE', {})).toMatchObject({ ok: false });
    expect(recorded.invoked.length).toBe(before);
  });
});
