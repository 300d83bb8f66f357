import { expect, test, type Page } from '@playwright/test';
import { screenshots, signIn } from './support';

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}

const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());

test('a district scorecard is ranked, published, appealed by a department and corrected by the office', async ({ page }) => {
  // the supervision office sees every department's total and the lines behind it
  await signIn(page, '芝罘区督查室');
  await page.getByRole('link', { name: '考核' }).click();
  await expect(page.getByRole('heading', { name: '考核结果' })).toBeVisible();
  await expect(page.getByText('实时预览')).toBeVisible();
  await expect(page.getByRole('row', { name: /芝罘区发展和改革局/ })).toBeVisible();
  await screenshots(page, 'assessment');

  // the first quarter has ended: publish it (once; a second run finds it published)
  await page.getByRole('combobox', { name: '期次' }).click({ force: true });
  await page.getByRole('option', { name: `${year} 年第一季度` }).click();
  await expect(page).toHaveURL(new RegExp(`period=${year}-Q1`));
  // the quarter's card has replaced the year's: published already, or a preview up to 31 March
  await expect(page.locator('.bar').getByText(new RegExp(`已公布（|截至 ${year}-03-31`))).toBeVisible();
  const publish = page.getByRole('button', { name: '公布' });
  if (await publish.isVisible()) {
    await publish.click();
  }
  await expect(page.locator('.bar').getByText(/已公布（/)).toBeVisible();
  const quarter = new URL(page.url()).pathname + new URL(page.url()).search;
  await signOut(page);

  // the department reads its own lines and appeals one
  await signIn(page, '芝罘区发展和改革局');
  await page.goto(quarter);
  const own = page.getByRole('row', { name: /本部门/ });
  await expect(own).toBeVisible();
  const appeal = page.getByRole('button', { name: '申诉' }).first();
  await expect(appeal).toBeVisible();
  await appeal.click();
  const dialog = page.getByRole('dialog', { name: '申诉' });
  await dialog.getByLabel('申诉理由').fill('该项数据已由统计局修订，附修订通知。');
  await dialog.getByRole('button', { name: '提交申诉' }).click();
  await expect(page.getByText('申诉已提交')).toBeVisible();
  await expect(page.getByRole('region', { name: '申诉记录' })).toContainText('待审核');
  await expect(page.getByText('申诉已提交')).toBeHidden();
  await screenshots(page, 'assessment-department');
  await signOut(page);

  // the office accepts it with a corrected score
  await signIn(page, '芝罘区督查室');
  await page.goto(quarter);
  await page.getByRole('button', { name: '审核' }).first().click();
  const decide = page.getByRole('dialog', { name: '审核申诉' });
  await decide.getByLabel('更正后的分值').fill('1');
  await decide.getByLabel('审核意见').fill('经核实，按修订数据更正。');
  await decide.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已采纳，明细已更正')).toBeVisible();
  await expect(page.getByRole('region', { name: '申诉记录' })).toContainText('已采纳');
});
