import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { en, zh } from '../../src/lib/i18n/messages';
import { generateSampleZone } from '../../src/lib/server/sample/generate';
import { knownAvailablePlot, waitForMap } from './helpers';

/**
 * Every public page at a desktop and a phone width, in both languages: no sideways scroll,
 * no page error, no message key or field name on the page, no serious accessibility
 * violation; no English sentence on a Chinese page and no Chinese UI text on an English
 * one. Data values in the other language are allowed where they are marked as such
 * (`lang` on the element, as screen readers need it too); code samples are not text.
 */
const zone = generateSampleZone();
const building = zone.buildings.find((b) => b.published)!.code;
const park = zone.parks[0].code;
const parkInPark = zone.parks.find((p) => p.parent)!.code;
const factory = zone.buildings.find((b) => b.published && b.kind === 'standard_factory')!.code;

const KEYS = new Set(Object.keys(zh));
const FIELD = /\b[a-z]+[A-Z][a-zA-Z]*\b/;

async function visibleText(page: Page): Promise<{ text: string; foreign: string }> {
	return page.evaluate(() => {
		const skip = (el: Element | null): boolean => {
			for (let e = el; e; e = e.parentElement) {
				if (['CODE', 'PRE', 'KBD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION'].includes(e.tagName)) return true;
				if (e.hasAttribute('data-value') || e.getAttribute('translate') === 'no') return true;
				const style = getComputedStyle(e);
				if (style.display === 'none' || style.visibility === 'hidden') return true;
			}
			return false;
		};
		const own = document.documentElement.lang;
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		let text = '';
		let foreign = '';
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement;
			if (!el || skip(el)) continue;
			const lang = el.closest('[lang]')?.getAttribute('lang') ?? own;
			if (lang === own) text += ` ${n.textContent}`;
			else foreign += ` ${n.textContent}`;
		}
		return { text: text.replace(/\s+/g, ' '), foreign };
	});
}

async function check(page: Page, label: string, locale: 'zh-CN' | 'en', errors: string[], found: string[]) {
	const problems: string[] = [];
	const width = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth }));
	if (Math.max(width.doc, width.body) > width.view + 1) problems.push(`overflows to ${Math.max(width.doc, width.body)} px of ${width.view}`);
	const { text } = await visibleText(page);
	for (const word of text.match(/\b[a-z_]+(\.[a-z0-9_]+)+\b/g) ?? []) if (KEYS.has(word)) problems.push(`raw key ${word}`);
	// No word in capitals that is not an abbreviation people write that way ("GEOJSON" is GeoJSON).
	for (const word of text.match(/(?<![-\w])[A-Z]{5,}(?![-\w])/g) ?? []) if (!['EPSG'].includes(word)) problems.push(`a word in capitals: ${word}`);
	const field = text.match(FIELD);
	if (field) problems.push(`field name "${field[0]}"`);
	// A middle dot stands between spaces, in both languages ("商务楼宇 · 新材料产业园").
	// As laid out on the page (text nodes side by side, no space added between them).
	const rendered = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
	const dot = rendered.match(/\S·\s|\s·\S/);
	if (dot) problems.push(`a middle dot without spaces: "${rendered.slice(Math.max(0, dot.index! - 12), dot.index! + 12)}"`);
	if (locale === 'zh-CN') {
		const sentence = text.match(/[A-Za-z]+(?:[ ,'’]+[A-Za-z]+){3,}/);
		if (sentence) problems.push(`English on a Chinese page: "${sentence[0]}"`);
		// Chinese text takes full-width punctuation: （）：，； not ( ) : , ; beside a Chinese character.
		const half = rendered.match(/[\u4e00-\u9fff][(:;,]|\([\u4e00-\u9fff]|[\u4e00-\u9fff]\)/);
		if (half) problems.push(`half-width punctuation in Chinese: "${rendered.slice(Math.max(0, half.index! - 8), half.index! + 10)}"`);
	} else {
		const han = text.match(/[^\s]*[\u3400-\u9fff\u3000-\u303f\uff08\uff09\uff0c\uff1a]+[^\s]*/);
		if (han) problems.push(`Chinese on an English page: "${han[0]}"`);
	}
	const axe = await new AxeBuilder({ page }).exclude('canvas').analyze();
	for (const v of axe.violations)
		if (v.impact === 'serious' || v.impact === 'critical') problems.push(`axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	problems.push(...errors.splice(0));
	found.push(...problems.map((p) => `${label}: ${p}`));
}

test('every public page reads right at 1280 and 360 px in Chinese and English', async ({ browser, baseURL }) => {
	test.setTimeout(900_000);
	// A shared tour, as a delegation receives it.
	const staff = await browser.newContext({ baseURL });
	const api = staff.request;
	await api.post('/signin', { form: { email: 'staff@demo.siteatlas', password: 'demo-staff-2026' }, headers: { origin: baseURL! }, maxRedirects: 0 });
	const at = (code: string) => zone.facilities.find((f) => f.code === code)!.location;
	const created = await api.post('/api/console/tours', {
		headers: { origin: baseURL! },
		data: {
			title: 'Materials visit',
			delegationOrg: '示例集团',
			delegationSize: 6,
			tourDate: '2026-12-03',
			startTime: '09:00',
			stops: [
				{ siteKind: 'facility', code: 'hotel-blue-ocean', location: at('hotel-blue-ocean'), label: 'Blue Ocean', dwellMin: 0, notes: '' },
				{ siteKind: 'facility', code: 'ri-aviation', location: at('ri-aviation'), label: 'Aviation', dwellMin: 30, notes: '' },
				{ siteKind: 'facility', code: 'ri-materials', location: at('ri-materials'), label: 'Materials', dwellMin: 30, notes: '' }
			]
		}
	});
	expect(created.status(), await created.text()).toBe(200);
	const saved = await created.json();
	const share = await (await api.post(`/api/console/tours/${saved.id}/share`, { headers: { origin: baseURL! }, data: {} })).json();
	// An enquiry, as the investor follows it.
	const enquiry = await (
		await api.post('/api/enquiries', {
			headers: { origin: baseURL! },
			data: { siteKind: 'plot', siteCode: knownAvailablePlot(), company: 'Walk & Co', contactName: 'Li Lei', contactEmail: 'li@example.com', message: 'Walk' }
		})
	).json();
	expect(enquiry.reference).toMatch(/^SA-/);
	await staff.close();

	const pages: { path: string; map?: boolean }[] = [
		{ path: '/', map: true },
		{ path: '/?industry=new_materials&chain=rare_earth_catalysis&areaMin=30&near=highway_exit&withinKm=5', map: true },
		{ path: '/?industry=new_materials&areaMin=30&near=highway_exit&withinKm=10', map: true },
		{ path: `/parks/${park}` },
		{ path: `/plots/${knownAvailablePlot()}` },
		{ path: `/buildings/${building}` },
		{ path: `/compare?sites=plot:${knownAvailablePlot()},building:${building}` },
		{ path: '/developers' },
		{ path: '/glossary' },
		{ path: '/signin' },
		{ path: `/tours/${share.token}` },
		{ path: `/enquiries/${enquiry.reference}` },
		{ path: `/parks/${parkInPark}` },
		{ path: `/buildings/${factory}` },
		{ path: '/p/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
		{ path: '/invite/not-a-token' },
		{ path: '/plots/NO-SUCH-PLOT' }
	];
	// Every page is walked; the problems are reported together.
	const found: string[] = [];
	for (const locale of ['zh-CN', 'en'] as const) {
		for (const viewport of [
			{ width: 1280, height: 800 },
			{ width: 360, height: 740 }
		]) {
			const context = await browser.newContext({ baseURL, viewport });
			await context.addCookies([{ name: 'lang', value: locale, url: baseURL! }]);
			const page = await context.newPage();
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
			for (const p of pages) {
				await page.goto(p.path);
				if (p.map) await waitForMap(page);
				else await page.waitForLoadState('networkidle');
				await check(page, `${p.path} at ${viewport.width} px in ${locale}`, locale, errors, found);
			}
			await context.close();
		}
	}
	expect(found).toEqual([]);
	// The catalogs themselves: every key has both languages.
	expect(Object.keys(en).filter((k) => !en[k as keyof typeof en])).toEqual([]);
});
