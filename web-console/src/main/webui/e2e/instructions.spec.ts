import { expect, test, type Page } from '@playwright/test';
import { screenshots, signIn } from './support';

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}

test('a leader instruction is registered, a task is made from it, and the leader follows it up', async ({ page }) => {
  const title = `E2E 关于加快老旧小区改造的报告 ${Date.now()}`;

  await signIn(page, '芝罘区督查室');
  await page.getByRole('link', { name: '批示件' }).click();
  await page.getByRole('button', { name: '登记批示件' }).click();
  const form = page.getByRole('dialog', { name: '登记批示件' });
  await form.getByLabel('批示领导').fill('区委书记 王明');
  await form.getByLabel('文件标题').fill(title);
  await form.getByLabel('文号').fill('区住建呈〔2026〕18号');
  await form.getByLabel('批示内容').fill('请住建局牵头，年底前完成改造方案，按月报告进展。');
  await form.getByRole('button', { name: '登记' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const instructionUrl = new URL(page.url()).pathname;
  await expect(page.getByLabel('批示内容')).toContainText('年底前完成改造方案');

  await page.getByRole('button', { name: '据此新建任务' }).click();
  await expect(page.getByText('依据领导批示件新建任务')).toBeVisible();
  await page.getByLabel('任务名称').fill(`${title}：制定改造方案`);
  await page.getByRole('combobox', { name: '牵头单位' }).click();
  await page.getByRole('option', { name: '芝罘区住房和城乡建设局', exact: true }).click();
  await page.getByLabel('截止日期').fill('2026-12-31');
  await page.getByLabel('截止日期').press('Enter');
  await page.getByRole('button', { name: '保存为草稿' }).click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  await expect(page.locator('.facts')).toContainText('领导批示');
  await page.getByRole('button', { name: '交办' }).click();
  await expect(page.locator('.facts')).toContainText('已交办');
  await expect(page.locator('.facts')).toContainText('签收期限');

  await page.goto(instructionUrl);
  await expect(page.getByText('分解任务（0 / 1 已销号）')).toBeVisible();
  await expect(page.getByRole('link', { name: `${title}：制定改造方案` })).toBeVisible();
  await screenshots(page, 'instruction-detail');
  await page.goto('/instructions');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await screenshots(page, 'instructions');
  await signOut(page);

  // the leader who wrote it reads how it is going
  await signIn(page, '芝罘区领导');
  await page.goto(instructionUrl);
  await expect(page.getByLabel('办理情况反馈')).toContainText('办理中');
  await expect(page.getByLabel('办理情况反馈')).toContainText('芝罘区住房和城乡建设局');
});
