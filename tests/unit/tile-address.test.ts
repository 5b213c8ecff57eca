import { describe, expect, it } from 'vitest';
import { etagFor, parseTileAddress, TileRequestError } from '$lib/server/tiles/service';
import { TileCache } from '$lib/server/tiles/cache';

const fails = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e as TileRequestError;
	}
	throw new Error('expected a TileRequestError');
};

describe('tile addresses', () => {
	it('parses a valid address', () => {
		expect(parseTileAddress('plots', '14', '13590', '6260')).toEqual({ layer: 'plots', z: 14, x: 13590, y: 6260 });
	});
	it('answers 404 for an unknown layer and lists the real ones', () => {
		const e = fails(() => parseTileAddress('lakes', '1', '0', '0'));
		expect(e.status).toBe(404);
		expect(e.message).toContain('parks, plots, buildings, facilities, roads');
	});
	it('answers 400 for x or y outside the zoom level', () => {
		const e = fails(() => parseTileAddress('plots', '3', '8', '0'));
		expect(e.status).toBe(400);
		expect(e.message).toContain('0–7');
	});
	it('answers 400 for a zoom past 22, negative or fractional numbers', () => {
		expect(fails(() => parseTileAddress('plots', '23', '0', '0')).status).toBe(400);
		expect(fails(() => parseTileAddress('plots', '3', '-1', '0')).status).toBe(400);
		expect(fails(() => parseTileAddress('plots', '3', '1.5', '0')).status).toBe(400);
	});
	it('puts the data version in the ETag', () => {
		const a = { layer: 'plots' as const, z: 1, x: 0, y: 1 };
		expect(etagFor(a, 3)).not.toBe(etagFor(a, 4));
	});
});

describe('tile cache', () => {
	it('evicts the least recently used tiles past its byte budget', () => {
		const cache = new TileCache(10);
		cache.set('a', new Uint8Array(4));
		cache.set('b', new Uint8Array(4));
		cache.get('a');
		cache.set('c', new Uint8Array(4));
		expect(cache.get('b')).toBeUndefined();
		expect(cache.get('a')).toBeDefined();
		expect(cache.get('c')).toBeDefined();
	});
});
