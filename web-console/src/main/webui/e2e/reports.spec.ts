import { expect, test, type Page } from '@playwright/test';
import { screenshots, signIn } from './support';

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}

test('the office previews the week, the bulletin and the analysis, issues the bulletin and a department reads it', async ({ page }) => {
  await signIn(page, '芝罘区督查室');
  await page.getByRole('link', { name: '调度通报' }).click();
  await expect(page.getByRole('heading', { name: /调度与通报/ })).toBeVisible();
  // the weekly list: the week's counts and the overdue tasks
  const tiles = page.getByLabel('本周概况');
  await expect(tiles).toContainText('逾期任务');
  await expect(page.getByRole('region', { name: '逾期任务' }).getByRole('listitem').first()).toContainText('逾期');
  await screenshots(page, 'reports-weekly');
  const workbook = await page.request.get(await page.getByRole('link', { name: '下载 Excel' }).getAttribute('href') ?? '');
  expect(workbook.status()).toBe(200);
  expect(workbook.headers()['content-type']).toContain('spreadsheetml');

  // the bulletin of last month, as the Word document lays it out
  await page.getByRole('tab', { name: '督查通报' }).click();
  await expect(page.getByRole('region', { name: '总体情况' })).toContainText('纳入督查的重点任务共');
  await expect(page.getByRole('region', { name: '各单位推进情况' }).getByRole('row')).not.toHaveCount(0);
  await screenshots(page, 'reports-bulletin');
  const word = await page.request.get(await page.getByRole('link', { name: '下载 Word' }).getAttribute('href') ?? '');
  expect(word.status()).toBe(200);
  expect(word.headers()['content-type']).toContain('wordprocessingml');

  // issue it (a second run on the same data finds it issued): it lands in the archive
  await page.getByRole('button', { name: '印发并发送' }).click();
  await page.getByRole('tab', { name: '文件归档' }).click();
  const issued = page.getByRole('region', { name: '文件归档' }).getByRole('listitem').filter({ hasText: '督查通报' }).first();
  await expect(issued).toContainText('芝罘区督查通报');
  await screenshots(page, 'reports-archive');

  // the quarterly analysis draws each target against the time-elapsed line
  await page.getByRole('tab', { name: '季度分析' }).click();
  await expect(page.getByRole('img', { name: /完成进度与序时进度/ }).first()).toBeVisible();
  await screenshots(page, 'reports-analysis');

  // the weekly list goes out on Thursdays instead of Fridays (the demo turned the schedules on)
  await page.getByRole('tab', { name: '定时印发' }).click();
  const region = page.getByRole('region', { name: '定时印发' });
  const weekly = region.getByRole('switch', { name: '周调度清单定时印发' });
  if (!(await weekly.isChecked())) {
    // the switch's input is hidden behind its drawn track: click the track
    await region.locator('.el-switch').first().click();
  }
  await expect(weekly).toBeChecked();
  await region.locator('.day').first().click();
  await page.getByRole('option', { name: '周四', exact: true }).click();
  await region.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByText('周调度清单的定时印发已保存')).toBeVisible();
  await expect(region).toContainText('下次：');
  await signOut(page);

  // a department of the district reads what was issued
  await signIn(page, '芝罘区发展和改革局');
  await page.getByRole('link', { name: '通报' }).click();
  await expect(page.getByRole('region', { name: '文件归档' })).toContainText('芝罘区督查通报');
  await screenshots(page, 'reports-department');
});
