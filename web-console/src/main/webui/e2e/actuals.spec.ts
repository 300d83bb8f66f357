import { expect, test } from '@playwright/test';
import { PHONE, screenshots, signIn } from './support';

test('a department reports the period due for its indicator and the supervisor approves it', async ({ page }) => {
  // 牟平区's industry bureau is behind on 规上工业增加值增速 in the demo data
  await page.setViewportSize(PHONE);
  await signIn(page, '牟平区工业和信息化局', '牟平区');
  await expect(page.getByRole('heading', { name: '我负责的指标' })).toBeVisible();
  const target = page.getByRole('article', { name: '规上工业增加值增速' });
  await target.getByRole('button', { name: '填报实绩' }).click();
  const dialog = page.getByRole('dialog', { name: '填报实绩' });
  const period = await dialog.getByLabel('期次').inputValue();
  expect(period).toMatch(/^\d{4}-(\d{2}|Q\d)$/);
  await dialog.getByLabel('数值').fill('7.9');
  await dialog.getByLabel('说明').fill('统计局快报');
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('实绩已提交，等待督查室审核')).toBeVisible();
  await screenshots(page, 'workbench-actual');
  await page.getByRole('button', { name: '退出登录' }).click();

  await signIn(page, '牟平区督查室', '牟平区');
  await page.getByRole('link', { name: '实绩审核' }).click();
  const row = page.getByRole('row', { name: new RegExp(`规上工业增加值增速.*${period}`) });
  await expect(row).toBeVisible();
  await screenshots(page, 'actuals-review');
  await row.getByRole('button', { name: '通过' }).click();
  await expect(page.getByText('已审核通过')).toBeVisible();
  await expect(row).toHaveCount(0);
});
