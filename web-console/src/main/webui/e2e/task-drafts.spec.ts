import { expect, test } from '@playwright/test';
import { screenshots, signIn } from './support';

// A short district plan: four commitments (one without a date) and one clause that is none.
const PLAN = [
  '一、在重大片区开发建设上主动担当',
  '9月初开工建设占地100亩的智能制造产业园，明年上半年投入运营。年内再新招引三类500强5个以上。',
  '扎实推进世界设计公园建设。确保完成年度投资**亿元。',
  '二、在民生保障上走在前列',
  '新建1处标准化农贸市场。',
].join('\n');

test('a supervisor turns a pasted plan into draft tasks, fixes one and publishes them to the ledger', async ({ page }) => {
  const title = `E2E 半年工作部署 ${Date.now()}`;
  await signIn(page, '芝罘区督查室');
  await page.getByRole('link', { name: '任务分解' }).click();
  await expect(page.getByRole('heading', { name: '任务分解' })).toBeVisible();
  await page.getByLabel('计划正文').fill(PLAN);
  const date = page.getByLabel('印发日期');
  await date.fill('2026-08-01');
  await date.press('Enter');
  await page.getByLabel('计划名称').fill(title);
  await page.getByRole('button', { name: '开始分解' }).click();

  // the drafts beside the plan, each source marked in the text
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('草稿 4 项，已发布 0 项')).toBeVisible();
  const park = page.locator('.draft').filter({ has: page.getByText('原文：明年上半年') });
  await expect(park).toBeVisible();
  await expect(park.getByLabel('节点名称').nth(0)).toHaveValue('开工建设占地100亩的智能制造产业园');
  await expect(park.getByLabel('节点名称').nth(1)).toHaveValue('投入运营');
  await expect(park.getByLabel('节点时限').nth(1)).toHaveValue('2027-06-30');
  await page.locator('mark', { hasText: '新建1处标准化农贸市场' }).click();
  const market = page.locator('.draft.focused');
  await expect(market.getByLabel('任务名称')).toHaveValue('新建1处标准化农贸市场');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshots(page, 'task-drafts-review');

  // publishing a draft without a due date is refused by name
  await market.getByText('发布', { exact: true }).click();
  await page.getByRole('button', { name: '发布所选（1）' }).click();
  await expect(page.getByText(/草稿“新建1处标准化农贸市场”没有完成时限/)).toBeVisible();

  // the supervisor gives it a date and a lead, saves, and publishes it with the attraction draft
  const due = market.getByLabel('完成时限');
  await due.fill('2026-12-31');
  await due.press('Enter');
  await market.getByRole('combobox', { name: '牵头单位' }).click();
  await page.getByRole('option', { name: '芝罘区商务局', exact: true }).click();
  await market.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('草稿已保存')).toBeVisible();
  await page.locator('mark', { hasText: '三类500强' }).click();
  const attract = page.locator('.draft.focused');
  await expect(attract.getByLabel('任务名称')).toHaveValue('年内再新招引三类500强5个以上');
  await attract.getByText('发布', { exact: true }).click();
  await page.getByRole('button', { name: '发布所选（2）' }).click();
  await expect(page.getByText('已发布 2 项任务（草稿状态），可在任务台账中交办')).toBeVisible();
  await expect(page.getByText('草稿 4 项，已发布 2 项')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshots(page, 'task-drafts-published');

  // the task is in the ledger as a draft, with the plan's words
  await page.getByRole('link', { name: /^已发布：任务 \d+$/ }).first().click();
  await expect(page.getByRole('heading', { name: '年内再新招引三类500强5个以上' })).toBeVisible();
  await expect(page.getByText(/^状态\s*草稿$/)).toBeVisible();
  await expect(page.getByLabel('计划原文')).toContainText('年内再新招引三类500强5个以上');
  await expect(page.getByText(/^来源\s*E2E 半年工作部署/)).toBeVisible();
  await screenshots(page, 'task-drafts-task');
});
