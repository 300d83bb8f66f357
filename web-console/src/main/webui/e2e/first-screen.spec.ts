import { expect, test } from '@playwright/test';

// The first screen from an empty cache, as on a government intranet: nothing but the console's
// own origin is asked for, and the time until the sign-in identities are drawn is printed (a
// figure to read, not a timed assertion: these machines are shared).
test('the first screen loads only from the console’s own origin', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const hosts = new Set<string>();
  page.on('request', (request) => hosts.add(new URL(request.url()).origin));
  const started = Date.now();
  await page.goto('/login');
  await expect(page.getByRole('button', { name: /^芝罘区督查室/ })).toBeVisible();
  const drawn = Date.now() - started;
  const navigation = await page.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { domContentLoaded: Math.round(entry.domContentLoadedEventEnd), load: Math.round(entry.loadEventEnd) };
  });
  const transferred = await page.evaluate(() =>
    performance.getEntriesByType('resource').reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).transferSize, 0),
  );
  console.log(
    `first screen (empty cache): identities drawn after ${drawn} ms; DOMContentLoaded ${navigation.domContentLoaded} ms, ` +
      `load ${navigation.load} ms; ${Math.round(transferred / 1024)} KiB transferred`,
  );
  expect([...hosts]).toEqual([new URL(baseURL!).origin]);
  await context.close();
});
