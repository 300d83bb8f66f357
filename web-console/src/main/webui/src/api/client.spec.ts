import { afterEach, describe, expect, it, vi } from 'vitest';
import { taskApi } from './client';

describe('the API clients', () => {
  afterEach(() => vi.restoreAllMocks());

  it('send list parameters comma-separated, as the documents declare them', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ items: [], page: 0, size: 1, total: 0 }), { headers: { 'Content-Type': 'application/json' } }),
    );
    await taskApi.GET('/api/v1/tasks', { params: { query: { status: ['ASSIGNED', 'IN_PROGRESS'], size: 1 } } });
    const url = new URL((fetch.mock.calls[0][0] as Request).url);
    expect(url.pathname).toBe('/api/v1/tasks');
    expect(url.searchParams.getAll('status')).toEqual(['ASSIGNED,IN_PROGRESS']);
  });

  it('send each service its own audit route', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ items: [], page: 0, size: 20, total: 0 }), { headers: { 'Content-Type': 'application/json' } }),
    );
    await taskApi.GET('/api/v1/audit', { params: { query: { entity: 'task', id: '7' } } });
    const url = new URL((fetch.mock.calls[0][0] as Request).url);
    expect(url.pathname).toBe('/api/v1/audit/task');
    expect(url.searchParams.get('entity')).toBe('task');
  });
});
