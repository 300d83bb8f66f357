// The typed clients of the three services, all through the console's own origin: the console
// forwards /api/** by the platform's routing table and adds the session's token, so the page never
// holds one. Types come from the services' OpenAPI documents (src/api/generated, never by hand).
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as TargetPaths } from './generated/target';
import type { paths as TaskPaths } from './generated/task';
import type { paths as NotifyPaths } from './generated/notify';
import { ApiError, type Problem } from './problem';

/** Called when a request finds the session gone: the router sends the user to sign in. */
let onSignedOut: () => void = () => {};

export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

const PROBLEM = 'application/problem+json';

const errors: Middleware = {
  async onResponse({ response }) {
    if (response.status === 401) {
      onSignedOut();
    }
    return response;
  },
};

/** The audit log every service serves at /api/v1/audit has one public route per service. */
function auditRoute(service: string): Middleware {
  return {
    onRequest({ request }) {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/audit' || url.pathname.startsWith('/api/v1/audit/') && !url.pathname.startsWith(`/api/v1/audit/${service}`)) {
        url.pathname = url.pathname.replace('/api/v1/audit', `/api/v1/audit/${service}`);
        return new Request(url, request);
      }
      return request;
    },
  };
}

function client<Paths extends {}>(service: string) {
  // list parameters are comma-separated (style form, explode false), as the documents declare them
  const api = createClient<Paths>({
    baseUrl: window.location.origin,
    credentials: 'same-origin',
    querySerializer: { array: { style: 'form', explode: false } },
    // the fetch of the moment, not the one of module load (tests replace it)
    fetch: (request: Request) => globalThis.fetch(request),
  });
  api.use(errors, auditRoute(service));
  return api;
}

export const targetApi = client<TargetPaths>('target');
export const taskApi = client<TaskPaths>('task');
export const notifyApi = client<NotifyPaths>('notify');

/** The data of a response, or an ApiError with the service's problem. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const problem: Problem = typeof result.error === 'object' && result.error !== null ? (result.error as Problem) : {};
    throw new ApiError(result.response.status, problem);
  }
  return result.data as T;
}

/** The version a resource was read at, for If-Match on the next write. */
export function etag(response: Response): string | undefined {
  return response.headers.get('ETag') ?? undefined;
}

export const problemType = PROBLEM;
