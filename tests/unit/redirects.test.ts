import { describe, expect, it } from 'vitest';
import { sameOriginPath } from '../../src/lib/domain/redirects';

describe('the sign-in return path', () => {
	it('keeps paths on this site with their query and fragment', () => {
		expect(sameOriginPath('/console/plots/NM-A01-02?tab=history#h')).toBe('/console/plots/NM-A01-02?tab=history#h');
		expect(sameOriginPath('/console/tours')).toBe('/console/tours');
	});

	it('refuses every way to another host', () => {
		for (const next of [
			'//evil.example',
			'/\\evil.example',
			'/\tevil.example',
			'/\t/evil.example',
			'\\\\evil.example',
			'https://evil.example/',
			'javascript:alert(1)',
			'/%09/evil.example'.replace('%09', '\t'),
			' /x',
			'',
			null
		]) {
			expect(sameOriginPath(next), String(next)).toBe('/console');
		}
	});
});
