/**
 * GeoJSON (RFC 7946, and the 2008 `crs` member, which is honoured: a file that says
 * `urn:ogc:def:crs:EPSG::4528` is read in that CRS) and TopoJSON. Files above a few MB are
 * streamed feature by feature, so a 100,000-plot file is never held as objects at once.
 */
import { Readable } from 'node:stream';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamValues } from 'stream-json/streamers/stream-values.js';
import chain from 'stream-chain';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { crsFromEpsg, crsFromName } from '../crs';
import { ImportFileError } from '../errors';
import type { SourceFeature, SourceFile } from '../source';

/** Above this size a FeatureCollection is streamed rather than parsed whole. */
const STREAM_ABOVE_BYTES = 16 * 1024 * 1024;

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** The legacy `crs` member: named (`urn:ogc:def:crs:EPSG::4528`, `EPSG:4528`) or `{type: "EPSG", properties: {code}}`. */
function legacyCrs(member: unknown): SourceFile['crs'] {
	if (!member || typeof member !== 'object') return null;
	const { type, properties } = member as { type?: string; properties?: { name?: unknown; code?: unknown } };
	const crs =
		type === 'name' && typeof properties?.name === 'string'
			? crsFromName(properties.name)
			: type?.toUpperCase() === 'EPSG' && properties?.code !== undefined
				? crsFromEpsg(Number(properties.code))
				: null;
	if (!crs) throw new ImportFileError('import.crs_unknown', { crs: JSON.stringify(member).slice(0, 80) });
	return { crs, rule: 'crs_member' };
}

function asFeature(v: unknown, index: number): SourceFeature {
	const o = (v ?? {}) as { type?: string; geometry?: unknown; properties?: unknown };
	if (o.type === 'Feature') {
		const props = o.properties && typeof o.properties === 'object' && !Array.isArray(o.properties) ? (o.properties as Record<string, unknown>) : {};
		return { index, geometry: (o.geometry ?? null) as Geometry | null, properties: props };
	}
	if (typeof o.type === 'string' && GEOMETRY_TYPES.has(o.type)) return { index, geometry: o as Geometry, properties: {} };
	return { index, geometry: null, properties: {} };
}

function columnsOf(features: Iterable<{ properties: Record<string, unknown> }>): string[] {
	const seen = new Set<string>();
	for (const f of features) for (const k of Object.keys(f.properties)) seen.add(k);
	return [...seen];
}

function parsed(root: unknown): SourceFile {
	if (!root || typeof root !== 'object') throw new ImportFileError('import.json_shape');
	const doc = root as { type?: string; features?: unknown; crs?: unknown; objects?: Record<string, unknown> };
	let items: SourceFeature[];
	if (doc.type === 'Topology' && doc.objects) {
		const topology = root as Topology;
		items = [];
		for (const name of Object.keys(topology.objects)) {
			const fc = topoFeature(topology, topology.objects[name]) as FeatureCollection | Feature;
			const list = fc.type === 'FeatureCollection' ? fc.features : [fc];
			for (const f of list) items.push(asFeature(f, items.length + 1));
		}
	} else if (doc.type === 'FeatureCollection') {
		if (!Array.isArray(doc.features)) throw new ImportFileError('import.json_shape');
		items = doc.features.map((f, i) => asFeature(f, i + 1));
	} else if (doc.type === 'Feature' || (typeof doc.type === 'string' && GEOMETRY_TYPES.has(doc.type))) {
		items = [asFeature(doc, 1)];
	} else throw new ImportFileError('import.json_shape');
	return {
		format: doc.type === 'Topology' ? 'topojson' : 'geojson',
		crs: legacyCrs(doc.crs),
		encoding: { encoding: 'utf-8', rule: 'declared' },
		columns: columnsOf(items),
		notes: [],
		async *features() {
			yield* items;
		}
	};
}

/** Streams `features[i]` and the `crs` member of a large FeatureCollection. */
async function* streamed(bytes: Uint8Array): AsyncGenerator<{ crs?: unknown; feature?: SourceFeature }> {
	const pipeline = chain([Readable.from(chunks(bytes)), parser(), pick({ filter: /^(crs|features\.\d+)$/ }), streamValues()]);
	let index = 0;
	try {
		for await (const { value } of pipeline as AsyncIterable<{ value: unknown }>) {
			const v = value as { type?: string };
			if (v && v.type === 'Feature') yield { feature: asFeature(v, ++index) };
			else if (v && (v.type === 'name' || v.type?.toUpperCase() === 'EPSG')) yield { crs: v };
			else yield { feature: asFeature(v, ++index) };
		}
	} catch (e) {
		if (e instanceof ImportFileError) throw e;
		throw new ImportFileError('import.json_invalid', { detail: String((e as Error).message).slice(0, 120) });
	}
}

function* chunks(bytes: Uint8Array) {
	for (let at = 0; at < bytes.length; at += 1 << 20) yield Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(1 << 20, bytes.length - at));
}

/** Reads GeoJSON or TopoJSON; a FeatureCollection larger than `streamAboveBytes` is streamed. */
export async function readGeoJson(bytes: Uint8Array, streamAboveBytes = STREAM_ABOVE_BYTES): Promise<SourceFile> {
	let start = 0;
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
	if (bytes.length - start <= streamAboveBytes) {
		let root: unknown;
		try {
			root = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)));
		} catch (e) {
			throw new ImportFileError('import.json_invalid', { detail: String((e as Error).message).slice(0, 120) });
		}
		return parsed(root);
	}
	// Large: a first pass for the columns, the CRS member and the count; features are read again when asked for.
	const body = bytes.subarray(start);
	const head = new TextDecoder().decode(body.subarray(0, 4096));
	if (!/"type"\s*:\s*"FeatureCollection"/.test(head) && !/"features"\s*:/.test(head)) throw new ImportFileError('import.json_large_shape');
	let crsMember: unknown = null;
	const columns = new Set<string>();
	for await (const item of streamed(body)) {
		if (item.crs) crsMember = item.crs;
		if (item.feature) for (const k of Object.keys(item.feature.properties)) columns.add(k);
	}
	return {
		format: 'geojson',
		crs: legacyCrs(crsMember),
		encoding: { encoding: 'utf-8', rule: 'declared' },
		columns: [...columns],
		notes: [],
		async *features() {
			for await (const item of streamed(body)) if (item.feature) yield item.feature;
		}
	};
}
