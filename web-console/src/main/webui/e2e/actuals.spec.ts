import { expect, test, type Page } from '@playwright/test';
import { PHONE, screenshots, signIn } from './support';

// In the demo data, 牟平区's departments have reported October and wait for review.
const INDICATOR = '规上工业增加值增速';

function queueRow(page: Page) {
  return page.getByRole('row', { name: new RegExp(`${INDICATOR}.*牟平区工业和信息化局`) });
}

test('a supervisor returns an actual, the department reports it again, the supervisor approves it', async ({ page }) => {
  await signIn(page, '牟平区督查室', '牟平区');
  await page.getByRole('link', { name: '实绩审核' }).click();
  await expect(queueRow(page)).toBeVisible();
  await screenshots(page, 'actuals-review');
  await queueRow(page).getByRole('button', { name: '退回' }).click();
  const back = page.getByRole('dialog', { name: '退回实绩' });
  await back.getByLabel('退回理由').fill('与统计局快报不一致，请核实');
  await back.getByRole('button', { name: '确认退回' }).click();
  await expect(page.getByText('已退回')).toBeVisible();
  await expect(queueRow(page)).toHaveCount(0);
  await page.getByRole('button', { name: '退出登录' }).click();

  await page.setViewportSize(PHONE);
  await signIn(page, '牟平区工业和信息化局', '牟平区');
  await expect(page.getByRole('heading', { name: '我负责的指标' })).toBeVisible();
  await page.getByRole('article', { name: INDICATOR }).getByRole('button', { name: '填报实绩' }).click();
  const dialog = page.getByRole('dialog', { name: '填报实绩' });
  await expect(dialog.getByLabel('期次')).toHaveValue(/^\d{4}-(\d{2}|Q\d)$/);
  await dialog.getByLabel('数值').fill('7.9');
  await dialog.getByLabel('说明').fill('已按统计局快报核实');
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('实绩已提交，等待督查室审核')).toBeVisible();
  await expect(page.getByRole('article', { name: INDICATOR })).toContainText('已提交，待审核');
  await screenshots(page, 'workbench-actual');
  await page.getByRole('button', { name: '退出登录' }).click();

  await signIn(page, '牟平区督查室', '牟平区');
  await page.getByRole('link', { name: '实绩审核' }).click();
  await expect(queueRow(page)).toContainText('7.9');
  await queueRow(page).getByRole('button', { name: '通过' }).click();
  await expect(page.getByText('已审核通过')).toBeVisible();
  await expect(queueRow(page)).toHaveCount(0);
});
