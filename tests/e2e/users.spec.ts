/**
 * An administrator invites a park editor from the console; the editor opens the link, sets a
 * password, lands in the console scoped to their park; a used link does not work twice.
 */
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('an administrator invites a park editor, who sets a password through the link once', async ({ page, browser }) => {
	await signIn(page, 'admin@demo.siteatlas', 'demo-admin-2026');
	await page.goto('/console/users');
	await expect(page.getByRole('heading', { level: 1, name: '用户管理' })).toBeVisible();
	const email = `invited-${Date.now()}@zone.example`;
	await page.getByLabel('邮箱').fill(email);
	await page.getByLabel('姓名').fill('赵编辑');
	await page.getByLabel('角色').first().selectOption('park_editor');
	await page.getByRole('checkbox', { name: /^TE · / }).check();
	await page.getByRole('button', { name: '添加', exact: true }).click();
	const link = page.getByLabel('邀请链接', { exact: true });
	await expect(link).toBeVisible();
	const url = new URL(await link.inputValue());
	expect(url.pathname).toMatch(/^\/invite\/[\w-]{40,}$/);
	await expect(page.getByTestId('users')).toContainText(email);
	await expect(page.getByTestId('users')).toContainText('已邀请，尚未设置密码');

	// The invitee, in a browser of their own.
	const context = await browser.newContext();
	const invitee = await context.newPage();
	await invitee.goto(url.pathname);
	await expect(invitee.getByText(`赵编辑（${email}）`)).toBeVisible();
	await invitee.getByLabel('新密码（至少 10 个字符）').fill('zhao-own-password');
	await invitee.getByRole('button', { name: '设置密码并登录' }).click();
	await expect(invitee).toHaveURL(/\/console$/);
	await expect(invitee.getByText('赵编辑')).toBeVisible();
	// The link works once.
	await invitee.goto(url.pathname);
	await expect(invitee.getByRole('alert')).toContainText('链接已过期或已使用');
	await context.close();

	await page.reload();
	await expect(page.getByTestId('users').locator('tr', { hasText: email })).not.toContainText('从未登录');
});
