import { defineStore } from 'pinia';
import { notifyApi, unwrap } from '@/api/client';

const POLL_MS = 60_000;

/** The unit's unread inbox count for the header badge, refreshed every minute while signed in. */
export const useInbox = defineStore('inbox', {
  state: () => ({ unread: 0, timer: 0 as number | ReturnType<typeof setInterval> }),
  actions: {
    async refresh(): Promise<void> {
      try {
        this.unread = unwrap(await notifyApi.GET('/api/v1/inbox/unread-count')).count;
      } catch {
        // notify-service may be down: the badge waits for the next round
      }
    },
    start(): void {
      this.stop();
      this.refresh();
      this.timer = setInterval(() => this.refresh(), POLL_MS);
    },
    stop(): void {
      if (this.timer) {
        clearInterval(this.timer);
        this.timer = 0;
      }
    },
  },
});
