import { defineStore } from 'pinia';
import { ApiError, type Problem } from '@/api/problem';

/** The signed-in user, as GET /auth/session tells it. */
export interface SessionUser {
  name: string;
  role: 'leader' | 'supervisor' | 'department' | 'admin';
  orgUnitCode: string;
  expiresAt: string;
  demo: boolean;
  /** How the user signed in: the local demo, or the identity provider (whose session signing out ends too). */
  signIn?: 'demo' | 'oidc';
}

/** Where the identity provider's sign-in starts; it comes back to {@code page} (a path of the console). */
export function providerSignInUrl(page: string): string {
  const back = page.startsWith('/') && !page.startsWith('//') ? page : '/';
  return '/auth/oidc/sign-in?return=' + encodeURIComponent(back);
}

/** Where the identity provider's own session ends; it then returns to the sign-in page. */
export const PROVIDER_SIGN_OUT = '/auth/oidc/sign-out';

/** One identity the demo sign-in offers. */
export interface DemoIdentity {
  role: SessionUser['role'];
  orgUnitCode: string;
  label: string;
  roleLabel: string;
  group: string;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const problem: Problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const ROLE_LABELS: Record<SessionUser['role'], string> = {
  leader: '领导',
  supervisor: '督查',
  department: '部门',
  admin: '管理员',
};

export const useSession = defineStore('session', {
  state: () => ({ user: null as SessionUser | null, checked: false }),
  getters: {
    signedIn: (state) => state.user !== null,
    role: (state) => state.user?.role,
    /** Where a user lands after signing in, by role. */
    home: (state): string => {
      switch (state.user?.role) {
        case 'leader':
          return '/cockpit';
        case 'department':
          return '/workbench';
        default:
          return '/tasks';
      }
    },
  },
  actions: {
    async load(): Promise<SessionUser | null> {
      try {
        this.user = await call<SessionUser>('GET', '/auth/session');
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 401) {
          throw error;
        }
        this.user = null;
      } finally {
        this.checked = true;
      }
      return this.user;
    },
    async demoIdentities(): Promise<DemoIdentity[] | null> {
      try {
        return await call<DemoIdentity[]>('GET', '/auth/demo/identities');
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          return null;
        }
        throw error;
      }
    },
    async signInAs(identity: DemoIdentity): Promise<void> {
      this.user = await call<SessionUser>('POST', '/auth/demo/sign-in', {
        role: identity.role,
        orgUnitCode: identity.orgUnitCode,
      });
    },
    /**
     * Ends the console's session; for a user of the identity provider, the address that ends the
     * provider's session as well (the browser goes there), otherwise null.
     */
    async signOut(): Promise<string | null> {
      const viaProvider = this.user?.signIn === 'oidc';
      await call<void>('POST', '/auth/sign-out');
      this.user = null;
      return viaProvider ? PROVIDER_SIGN_OUT : null;
    },
    /** The session ended under the page (a 401 from a service): forget the user. */
    expired(): void {
      this.user = null;
    },
  },
});
