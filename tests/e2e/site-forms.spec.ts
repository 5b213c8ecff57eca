import { expect, test } from '@playwright/test';
import { knownAvailablePlot, waitForMap } from './helpers';

/** The investor's two forms: a standing requirement from the finder, and an enquiry on a site page. */

test('the standing requirement sits above the results, asks who to tell, and saves the search', async ({ page }) => {
	await page.goto('/?industry=new_materials&areaMin=30');
	await waitForMap(page);
	const form = page.getByTestId('requirement-form');
	const results = page.getByTestId('finder-results');
	// Before the list and its pages, not under them.
	const formBox = (await form.boundingBox())!;
	const listBox = (await results.locator('ol').boundingBox())!;
	expect(formBox.y).toBeLessThan(listBox.y);
	await form.locator('summary').click();
	await form.getByLabel('公司名称 *').fill('Acme Ceramics');
	await form.getByLabel('联系人 *').fill('Li Lei');
	await form.getByLabel('电子邮箱 *').fill('not-an-address');
	await form.locator('form').evaluate((f: HTMLFormElement) => (f.noValidate = true));
	await form.getByRole('button', { name: '保存需求' }).click();
	await expect(form.getByRole('alert')).toContainText('请修正');
	await expect(form).toContainText('邮箱格式不正确');
	await form.getByLabel('电子邮箱 *').fill('li.lei@example.com');
	await form.getByRole('button', { name: '保存需求' }).click();
	await expect(form.getByRole('status')).toContainText(/已保存，编号 \S+；目前有 \d+ 个匹配/);
});

test('an enquiry with a wrong email and a non-numeric area says what is wrong and keeps the fields in line', async ({ page }) => {
	await page.goto(`/plots/${knownAvailablePlot()}`);
	const form = page.getByRole('region', { name: '我要咨询' });
	const inputs = ['公司名称 *', '联系人 *', '电子邮箱', '电话'].map((l) => form.getByLabel(l, { exact: true }));
	const topsBefore = await Promise.all(inputs.map(async (i) => (await i.boundingBox())!.y));
	await inputs[0].fill('Acme');
	await inputs[1].fill('Li Lei');
	await inputs[2].fill('li.lei@');
	await form.getByLabel('需求面积').fill('about thirty');
	// The browser's own check of type=email would stop the form; the server's answer is what is tested.
	await form.locator('form').evaluate((f: HTMLFormElement) => (f.noValidate = true));
	await form.getByRole('button', { name: '提交咨询' }).click();
	await expect(form.getByRole('alert').first()).toContainText('请修正');
	await expect(form).toContainText('邮箱格式不正确');
	await expect(form).toContainText('请输入数字');
	await expect(form).not.toContainText('内容无效');
	// Fields in one row stay in one line, errors or not.
	const tops = await Promise.all(inputs.map(async (i) => (await i.boundingBox())!.y));
	const rows = new Map<number, number[]>();
	topsBefore.forEach((y, i) => rows.set(Math.round(y), [...(rows.get(Math.round(y)) ?? []), tops[i]]));
	for (const ys of rows.values()) expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(1);
	await expect(form.getByLabel('公司名称 *')).toHaveValue('Acme');
});
