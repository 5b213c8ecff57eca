import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { generateSampleZone } from '../../src/lib/server/sample/generate';
import { knownAvailablePlot } from './helpers';

const zone = generateSampleZone();

/**
 * Every printable page carries, on paper, when it was printed, its address and a QR code that
 * opens it again: the QR code is read back from its pixels.
 */
async function readStamp(page: Page): Promise<{ text: string; qr: string | null }> {
	await page.emulateMedia({ media: 'print' });
	const stamp = page.getByTestId('print-stamp');
	await expect(stamp).toBeVisible();
	const text = await stamp.innerText();
	const { data, size } = await page.evaluate(async () => {
		const svg = document.querySelector('[data-testid=print-stamp] svg')!;
		const img = new Image();
		img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
		await img.decode();
		const size = 400;
		const canvas = document.createElement('canvas');
		canvas.width = canvas.height = size;
		const ctx = canvas.getContext('2d')!;
		ctx.fillStyle = '#fff';
		ctx.fillRect(0, 0, size, size);
		ctx.drawImage(img, 20, 20, size - 40, size - 40);
		return { data: Array.from(ctx.getImageData(0, 0, size, size).data), size };
	});
	await page.emulateMedia({ media: 'screen' });
	return { text, qr: jsQR(Uint8ClampedArray.from(data), size, size)?.data ?? null };
}

test('a site page, a shared tour and a board print with the date, their address and a QR code to it', async ({ page }) => {
	test.setTimeout(180_000);
	const plot = knownAvailablePlot();
	await page.goto(`/plots/${plot}`);
	await expect(page.getByTestId('print-stamp')).toBeHidden();
	const site = await readStamp(page);
	expect(site.qr).toBe(page.url());
	expect(site.text).toContain(page.url());
	expect(site.text).toMatch(/打印于 \d{4}\/\d{1,2}\/\d{1,2}/);

	// Staff: the tour's print view leads to its share link; the disposal board to itself.
	const origin = new URL(page.url()).origin;
	await page.request.post('/signin', { form: { email: 'staff@demo.siteatlas', password: 'demo-staff-2026' }, headers: { origin }, maxRedirects: 0 });
	const at = (code: string) => zone.facilities.find((f) => f.code === code)!.location;
	const created = await page.request.post('/api/console/tours', {
		headers: { origin },
		data: {
			title: 'Print',
			tourDate: '2026-12-10',
			startTime: '09:00',
			stops: [
				{ siteKind: 'facility', code: 'hotel-blue-ocean', location: at('hotel-blue-ocean'), label: 'Hotel', dwellMin: 0, notes: '' },
				{ siteKind: 'facility', code: 'ri-materials', location: at('ri-materials'), label: 'Institute', dwellMin: 30, notes: '' }
			]
		}
	});
	expect(created.status(), await created.text()).toBe(200);
	const { id } = await created.json();
	const shared = await page.request.post(`/api/console/tours/${id}/share`, { data: {}, headers: { origin } });
	expect(shared.status()).toBe(200);
	const { url } = await shared.json();
	await page.goto(`/console/tours/${id}/print`);
	expect((await readStamp(page)).qr).toBe(url);
	await page.goto('/console/land/print');
	expect((await readStamp(page)).qr).toBe(page.url());

	// English reads the same stamp in English.
	await page.goto(`/plots/${plot}?lang=en`);
	expect((await readStamp(page)).text).toMatch(/^Printed /);
});
