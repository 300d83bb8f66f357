import { expect, test, type Page } from '@playwright/test';
import { PHONE, screenshots, signIn } from './support';

// A 1×1 PNG: the photo a clerk takes with the phone's camera.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function closedCount(page: Page): Promise<number> {
  await page.goto('/cockpit');
  const closed = page.getByRole('link', { name: /^已销号 \d+$/ });
  await expect(closed).toBeVisible();
  return Number((await closed.getAttribute('aria-label'))!.split(' ')[1]);
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function report(page: Page, text: string, percent: string, withPhoto: boolean) {
  await page.getByRole('button', { name: '填报进展' }).click();
  const dialog = page.getByRole('dialog', { name: '填报进展' });
  await dialog.getByLabel('进展情况').fill(text);
  await dialog.getByRole('spinbutton').first().fill(percent);
  if (withPhoto) {
    await dialog.getByRole('button', { name: '照片或 PDF' }).setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PHOTO });
  }
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('进展已填报')).toBeVisible();
  await expect(page.getByText(text)).toBeVisible();
}

async function requestClosure(page: Page, summary: string) {
  await page.getByRole('button', { name: '申请办结' }).click();
  const dialog = page.getByRole('dialog', { name: '申请办结' });
  await dialog.getByLabel('办结情况').fill(summary);
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(page.locator('.facts')).toContainText('申请办结');
}

test('a task goes from the supervisor to the department and back until it is closed', async ({ page }) => {
  const title = `E2E 新建商贸综合体招商专班 ${Date.now()}`;

  await signIn(page, '芝罘区领导');
  const closedBefore = await closedCount(page);
  await signOut(page);

  // the supervisor creates the task and assigns it
  await signIn(page, '芝罘区督查室');
  await page.getByRole('button', { name: '新建任务' }).click();
  await page.getByLabel('任务名称').fill(title);
  await page.getByLabel('类别').fill('招商引资');
  await pick(page, '牵头单位', '芝罘区商务局');
  await page.getByLabel('截止日期').fill('2026-12-31');
  await page.getByLabel('截止日期').press('Enter');
  await screenshots(page, 'task-new');
  await page.getByRole('button', { name: '保存为草稿' }).click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  const taskUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.getByRole('button', { name: '修改' }).click();
  await expect(page.getByRole('heading', { name: '修改任务' })).toBeVisible();
  await expect(page.getByLabel('任务名称')).toHaveValue(title);
  await expect(page.getByLabel('类别')).toBeEnabled();
  await page.getByLabel('类别').fill('招商引资·专班');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('.facts')).toContainText('招商引资·专班');
  await page.getByRole('button', { name: '交办' }).click();
  await expect(page.locator('.facts')).toContainText('已交办');
  await signOut(page);

  // the lead department, on a phone, reports with a photo and asks to close
  await page.setViewportSize(PHONE);
  await signIn(page, '芝罘区商务局');
  await page.goto(taskUrl);
  await expect(page.getByLabel('签收情况')).toContainText('未签收');
  await page.getByRole('button', { name: '签收' }).click();
  await expect(page.getByText('已签收', { exact: true }).first()).toBeVisible();
  await expect(page.getByLabel('签收情况')).not.toContainText('未签收');
  await expect(page.getByRole('button', { name: '签收' })).toHaveCount(0);
  await report(page, '已对接三家意向企业，完成首轮洽谈。', '60', true);
  await expect(page.getByRole('img', { name: '现场照片.png' })).toBeVisible();
  await requestClosure(page, '招商专班已组建，签约一家。');
  await screenshots(page, 'task-department');
  await signOut(page);

  // the supervisor returns it with a reason
  await signIn(page, '芝罘区督查室');
  await page.goto(taskUrl);
  await page.getByRole('button', { name: '退回' }).click();
  const back = page.getByRole('dialog', { name: '退回' });
  await back.getByLabel('退回理由').fill('请补充签约协议扫描件。');
  await back.getByRole('button', { name: '确认退回' }).click();
  await expect(page.locator('.facts')).toContainText('办理中');
  await expect(page.getByText('退回理由：请补充签约协议扫描件。')).toBeVisible();
  await signOut(page);

  // the department reports again and asks again
  await page.setViewportSize(PHONE);
  await signIn(page, '芝罘区商务局');
  await page.goto(taskUrl);
  await expect(page.getByText('退回理由：请补充签约协议扫描件。')).toBeVisible();
  await report(page, '已补充签约协议扫描件。', '100', false);
  await requestClosure(page, '签约协议已上传，专班工作完成。');
  await signOut(page);

  // the supervisor closes it
  await signIn(page, '芝罘区督查室');
  await page.goto(taskUrl);
  await page.getByRole('button', { name: '销号' }).click();
  const rating = page.getByRole('dialog', { name: '销号 · 满意度评价' });
  await rating.getByText('基本满意').click();
  await rating.getByLabel('评价意见').fill('专班成效明显，佐证材料可再充实。');
  await rating.getByRole('button', { name: '确认销号' }).click();
  await expect(page.locator('.facts')).toContainText('已销号');
  await expect(page.locator('.facts')).toContainText('基本满意');
  await screenshots(page, 'task-closed');
  await signOut(page);

  // the leader's cockpit counts it
  await signIn(page, '芝罘区领导');
  expect(await closedCount(page)).toBe(closedBefore + 1);
  await signOut(page);

  // another department cannot see it
  await signIn(page, '芝罘区财政局');
  await page.goto(taskUrl);
  await expect(page.getByText('不存在或无权查看')).toBeVisible();
  await screenshots(page, 'task-foreign');
});
