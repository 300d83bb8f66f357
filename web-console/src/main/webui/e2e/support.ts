import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = resolve(here, '../../../../target/screenshots');

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const WALL = { width: 1920, height: 1080 };

/** Signs in through the demo sign-in page as the identity with this label (“芝罘区督查室”). */
export async function signIn(page: Page, label: string, group = '芝罘区'): Promise<void> {
  await page.goto('/login');
  const identity = page.getByRole('button', { name: new RegExp(`^${label}`) });
  await page.getByRole('heading', { name: '演示登录' }).waitFor();
  if (!(await identity.isVisible())) {
    await page.getByRole('combobox', { name: '选择市或区' }).click({ force: true });
    await page.getByRole('option', { name: group, exact: true }).click();
  }
  await identity.click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Saves the page at desktop and phone size (and wall-screen size when asked) as NAME-SIZE.png. */
export async function screenshots(page: Page, name: string, wall = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const sizes: [string, { width: number; height: number }][] = [['desktop', DESKTOP], ['phone', PHONE]];
  if (wall) {
    sizes.push(['wall', WALL]);
  }
  for (const [size, viewport] of sizes) {
    await page.setViewportSize(viewport);
    await page.waitForLoadState('networkidle');
    // loading overlays fade out after the data arrives: wait until none is left on the page
    await page.waitForFunction(() => !document.querySelector('.el-loading-mask'));
    // a full-page shot taken while scrolled down draws the sticky header over the middle of the page
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: resolve(SCREENSHOTS, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}
