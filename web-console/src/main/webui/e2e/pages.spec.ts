import { expect, test } from '@playwright/test';
import { screenshots, signIn } from './support';

test('the sign-in page lists the demo identities in Chinese', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: '演示登录' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^芝罘区督查室/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^芝罘区发展和改革局/ })).toBeVisible();
  await screenshots(page, 'login');
});

test('a supervisor works the task ledger and opens a task', async ({ page }) => {
  await signIn(page, '芝罘区督查室');
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole('heading', { name: '任务台账' })).toBeVisible();
  await expect(page.locator('.el-table__row').first()).toBeVisible();
  await screenshots(page, 'ledger');
  await page.locator('.el-table__row a').first().click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  await expect(page.getByRole('heading', { name: '进展填报' })).toBeVisible();
  await screenshots(page, 'task');
  await page.getByRole('button', { name: '登记问责' }).click();
  const dialog = page.getByRole('dialog', { name: '登记问责' });
  await dialog.getByLabel('事由').fill('节点逾期未完成，约谈分管负责人');
  await dialog.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText('问责记录已登记')).toBeVisible();
});

test('a leader lands on the cockpit with counts, ranking and the red list', async ({ page }) => {
  await signIn(page, '芝罘区领导');
  await expect(page).toHaveURL(/\/cockpit$/);
  await expect(page.getByText('蓝色 · 序时推进')).toBeVisible();
  await expect(page.getByRole('region', { name: '红色清单' })).toBeVisible();
  // where the district stands among the city's districts; the peers show rank and tier only
  await expect(page.getByRole('list', { name: '引进三类500强企业同级排名' })).toBeVisible();
  await expect(page.getByText(/第 \d 名 \/ 共 \d 个/)).toBeVisible();
  await screenshots(page, 'cockpit', true);
  await page.getByRole('link', { name: '引进三类500强企业' }).first().click();
  await expect(page).toHaveURL(/\/targets\/\d+$/);
  await expect(page.getByRole('img', { name: '引进三类500强企业走势' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '实绩记录' })).toBeVisible();
  await screenshots(page, 'target');
});

test('a city leader sees the districts side by side and their ranking', async ({ page }) => {
  await signIn(page, '烟台市领导', '烟台市');
  await expect(page).toHaveURL(/\/cockpit$/);
  await expect(page.getByRole('img', { name: '各区目标三色对比' })).toBeVisible();
  await expect(page.getByText('前三分之一为第一方阵')).toBeVisible();
  await screenshots(page, 'cockpit-city', true);
  await page.getByRole('button', { name: '芝罘区驾驶舱' }).click();
  await expect(page).toHaveURL(/orgUnit=370602/);
  await expect(page.getByText('芝罘区 · 2026 年')).toBeVisible();
});

test('a department reads its inbox from the header badge', async ({ page }) => {
  await signIn(page, '芝罘区住房和城乡建设局');
  await page.getByRole('link', { name: /^站内信，\d+ 条未读$/ }).click();
  await expect(page.getByRole('heading', { name: '站内信' })).toBeVisible();
  await screenshots(page, 'inbox');
});

test('a department lands on its workbench', async ({ page }) => {
  await signIn(page, '芝罘区发展和改革局');
  await expect(page).toHaveURL(/\/workbench$/);
  await expect(page.getByRole('heading', { name: '部门工作台' })).toBeVisible();
  await screenshots(page, 'workbench');
});

test('an address opened without a session goes to sign-in and back after it', async ({ page }) => {
  await page.goto('/tasks?status=IN_PROGRESS');
  await expect(page).toHaveURL(/\/login\?redirect=/);
  await expect(page.getByText('登录后回到刚才的页面')).toBeVisible();
  await page.getByRole('button', { name: /^芝罘区督查室/ }).click();
  await expect(page).toHaveURL(/\/tasks\?status=IN_PROGRESS$/);
});

test('a supervisor restates an approved period and both versions stay on record', async ({ page }) => {
  await signIn(page, '芝罘区督查室');
  await page.goto('/cockpit');
  await page.getByRole('link', { name: '新增四上企业' }).first().click();
  await expect(page.getByRole('heading', { name: '实绩记录' })).toBeVisible();
  const approved = page.getByRole('row', { name: /已审核/ }).last();
  const period = (await approved.getByRole('cell').first().innerText()).trim();
  await approved.getByRole('button', { name: '重述' }).click();
  const dialog = page.getByRole('dialog', { name: '重述实绩' });
  await dialog.getByLabel('新数值').fill('4');
  await dialog.getByLabel('重述理由').fill('统计局年报修订');
  await dialog.getByRole('button', { name: '重述' }).click();
  await expect(page.getByText('已重述，原数据保留在记录中')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`${period}.*已重述`) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`${period}.*已审核.*重述：统计局年报修订`) })).toBeVisible();
});
