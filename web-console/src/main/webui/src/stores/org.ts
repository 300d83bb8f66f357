import { defineStore } from 'pinia';
import { targetApi, unwrap } from '@/api/client';
import type { components } from '@/api/generated/target';

export type OrgUnit = components['schemas']['OrgUnit'];

const PAGE = 100;

/** The org tree, read once per session: names for codes, pickers for units. */
export const useOrg = defineStore('org', {
  state: () => ({ units: [] as OrgUnit[], loaded: false }),
  getters: {
    byCode: (state) => new Map(state.units.map((unit) => [unit.code, unit])),
  },
  actions: {
    async load(): Promise<void> {
      if (this.loaded) {
        return;
      }
      const units: OrgUnit[] = [];
      for (let page = 0; page < 50; page++) {
        const result = unwrap(await targetApi.GET('/api/v1/org-units', { params: { query: { page, size: PAGE } } }));
        units.push(...result.items);
        if (result.items.length < PAGE || units.length >= result.total) {
          break;
        }
      }
      this.units = units;
      this.loaded = true;
    },
    /** A unit's name, or its code while the tree loads or when it is unknown. */
    name(code?: string | null): string {
      if (!code) {
        return '—';
      }
      return this.byCode.get(code)?.name ?? code;
    },
    /** The units directly under {@code parentCode}. */
    children(parentCode: string): OrgUnit[] {
      return this.units.filter((unit) => unit.parentCode === parentCode);
    },
  },
});
