import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useSession } from './session';

function respond(status: number, body?: unknown) {
  return Promise.resolve(new Response(body === undefined ? null : JSON.stringify(body), { status }));
}

describe('session', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.restoreAllMocks();
  });

  it('lands each role on its own page', async () => {
    const session = useSession();
    for (const [role, home] of [['leader', '/cockpit'], ['department', '/workbench'], ['supervisor', '/tasks'], ['admin', '/tasks']]) {
      vi.spyOn(globalThis, 'fetch').mockImplementationOnce(() =>
        respond(200, { name: 'x', role, orgUnitCode: '370602', expiresAt: '2026-11-24T12:00:00Z', demo: true }),
      );
      await session.load();
      expect(session.home).toBe(home);
    }
  });

  it('treats 401 as signed out and the demo list’s 404 as “no demo”', async () => {
    const session = useSession();
    vi.spyOn(globalThis, 'fetch')
      .mockImplementationOnce(() => respond(401, { title: '未登录', status: 401 }))
      .mockImplementationOnce(() => respond(404, { title: '未开放', status: 404 }));
    expect(await session.load()).toBeNull();
    expect(session.signedIn).toBe(false);
    expect(session.checked).toBe(true);
    expect(await session.demoIdentities()).toBeNull();
  });

  it('reports a failure other than 401 instead of pretending to be signed out', async () => {
    const session = useSession();
    vi.spyOn(globalThis, 'fetch').mockImplementationOnce(() => respond(502, { title: '服务暂不可用', status: 502 }));
    await expect(session.load()).rejects.toThrow();
  });
});
