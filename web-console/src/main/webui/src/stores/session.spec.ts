import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { providerSignInUrl, useSession } from './session';

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

  it('signs a provider user out of the provider too, and a demo user only here', async () => {
    const session = useSession();
    const fetch = vi.spyOn(globalThis, 'fetch');
    fetch.mockImplementationOnce(() =>
      respond(200, { name: 'x', role: 'leader', orgUnitCode: '370602', expiresAt: '2026-11-24T12:00:00Z', demo: false, signIn: 'oidc' }),
    );
    await session.load();
    fetch.mockImplementationOnce(() => respond(204));
    expect(await session.signOut()).toBe('/auth/oidc/sign-out');
    expect(session.signedIn).toBe(false);

    fetch.mockImplementationOnce(() =>
      respond(200, { name: 'x', role: 'leader', orgUnitCode: '370602', expiresAt: '2026-11-24T12:00:00Z', demo: true, signIn: 'demo' }),
    );
    await session.load();
    fetch.mockImplementationOnce(() => respond(204));
    expect(await session.signOut()).toBeNull();
  });

  it('sends the provider sign-in back to a page of the console only', () => {
    expect(providerSignInUrl('/tasks/42?tab=reports')).toBe('/auth/oidc/sign-in?return=%2Ftasks%2F42%3Ftab%3Dreports');
    expect(providerSignInUrl('//evil.example/x')).toBe('/auth/oidc/sign-in?return=%2F');
    expect(providerSignInUrl('https://evil.example/')).toBe('/auth/oidc/sign-in?return=%2F');
  });
});
