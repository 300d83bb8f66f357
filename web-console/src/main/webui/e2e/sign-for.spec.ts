import { expect, test, type Page } from '@playwright/test';
import { PHONE, screenshots, signIn } from './support';

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('the lead asks for another unit instead of signing, the supervisor grants it, the new lead signs', async ({ page }) => {
  const title = `E2E 夜间经济街区打造 ${Date.now()}`;

  await signIn(page, '芝罘区督查室');
  await page.getByRole('button', { name: '新建任务' }).click();
  await page.getByLabel('任务名称').fill(title);
  await pick(page, '牵头单位', '芝罘区商务局');
  await page.getByLabel('截止日期').fill('2026-12-31');
  await page.getByLabel('截止日期').press('Enter');
  await page.getByRole('button', { name: '保存为草稿' }).click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  const taskUrl = new URL(page.url()).pathname;
  await page.getByRole('button', { name: '交办' }).click();
  await expect(page.locator('.facts')).toContainText('签收期限');
  await signOut(page);

  // the lead sees it waiting for its signature and asks for it to go elsewhere
  await page.setViewportSize(PHONE);
  await signIn(page, '芝罘区商务局');
  await expect(page.getByRole('link', { name: new RegExp(title) })).toContainText('待签收');
  await page.goto(taskUrl);
  await page.getByRole('button', { name: '申请改派' }).click();
  const ask = page.getByRole('dialog', { name: '申请改派' });
  await ask.getByLabel('改派理由').fill('夜间经济街区规划属发改局职责，建议由其牵头。');
  await pick(page, '建议承办单位', '芝罘区发展和改革局');
  await ask.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText('改派申请待审核')).toBeVisible();
  await screenshots(page, 'reassignment-requested');
  await expect(page.getByRole('button', { name: '申请改派' })).toHaveCount(0);
  await signOut(page);

  // the supervisor grants it to the unit suggested
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, '芝罘区督查室');
  await page.goto(taskUrl);
  await page.getByRole('button', { name: '同意改派' }).click();
  const grant = page.getByRole('dialog', { name: '同意改派' });
  await expect(grant).toContainText('夜间经济街区规划属发改局职责');
  await grant.getByRole('button', { name: '改派' }).click();
  await expect(page.locator('.facts')).toContainText('芝罘区发展和改革局');
  await expect(page.getByLabel('签收情况')).toContainText('未签收');
  await signOut(page);

  // the old lead no longer sees the task; the new one signs for it
  await signIn(page, '芝罘区商务局');
  await page.goto(taskUrl);
  await expect(page.getByText('不存在或无权查看')).toBeVisible();
  await signOut(page);
  await signIn(page, '芝罘区发展和改革局');
  await page.goto(taskUrl);
  await page.getByRole('button', { name: '签收' }).click();
  await expect(page.getByLabel('签收情况')).toContainText('已签收');
  await screenshots(page, 'task-signed');
});
