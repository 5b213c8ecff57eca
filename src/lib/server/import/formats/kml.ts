/**
 * KML and KMZ (placemarks with their ExtendedData as attributes) and GPX (waypoints, routes,
 * tracks), both always WGS 84 longitude/latitude. XML with a DOCTYPE that declares entities
 * is refused before it is parsed: no external entity is ever fetched or expanded.
 */
import { DOMParser } from '@xmldom/xmldom';
import { gpx, kml } from '@tmcw/togeojson';
import type { Geometry } from 'geojson';
import { crsFromEpsg } from '../crs';
import { ImportFileError } from '../errors';
import type { ImportFormat, ReadOptions, SourceFeature, SourceFile } from '../source';
import { unzip } from '../zip';

function parseXml(bytes: Uint8Array): Document {
	const text = new TextDecoder('utf-8').decode(bytes);
	const head = text.slice(0, 65536);
	if (/<!DOCTYPE[\s\S]*?(<!ENTITY|SYSTEM|PUBLIC)/i.test(head) || /<!ENTITY/i.test(text)) throw new ImportFileError('import.xml_entity');
	let broken = '';
	const doc = new DOMParser({
		onError: (level, message) => {
			if (level === 'fatalError' || level === 'error') broken ||= String(message).slice(0, 120);
		}
	}).parseFromString(text, 'text/xml');
	if (broken || !doc?.documentElement) throw new ImportFileError('import.xml_invalid', { detail: broken || 'empty document' });
	return doc as unknown as Document;
}

function fromXml(format: ImportFormat, doc: Document, convert: (d: Document) => { features: { geometry: unknown; properties: unknown }[] }): SourceFile {
	const fc = convert(doc);
	const items: SourceFeature[] = fc.features.map((f, i) => ({
		index: i + 1,
		geometry: (f.geometry ?? null) as Geometry | null,
		properties: cleanProperties((f.properties ?? {}) as Record<string, unknown>)
	}));
	const columns = [...new Set(items.flatMap((f) => Object.keys(f.properties)))];
	return {
		format,
		crs: { crs: crsFromEpsg(4326)!, rule: format === 'gpx' ? 'gpx' : 'kml' },
		encoding: { encoding: 'utf-8', rule: 'declared' },
		columns,
		notes: [],
		async *features() {
			yield* items;
		}
	};
}

/** Drops togeojson's styling members (`styleUrl`, `fill`, `stroke-width`, …), keeps names, descriptions and ExtendedData. */
function cleanProperties(p: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(p)) {
		if (
			/^(styleUrl|styleHash|styleMapHash|stroke|stroke-opacity|stroke-width|fill|fill-opacity|icon|icon-.*|label-.*|visibility|_gpxType|coordinateProperties)$/.test(
				k
			)
		)
			continue;
		if (v !== null && typeof v === 'object') continue;
		out[k] = v;
	}
	return out;
}

export function readKml(bytes: Uint8Array): SourceFile {
	return fromXml('kml', parseXml(bytes), (d) => kml(d) as never);
}

export function readGpx(bytes: Uint8Array): SourceFile {
	return fromXml('gpx', parseXml(bytes), (d) => gpx(d) as never);
}

export function readKmz(bytes: Uint8Array, options: ReadOptions): SourceFile {
	const files = unzip(bytes, options, (n) => n.toLowerCase().endsWith('.kml'));
	const names = [...files.keys()];
	const main = names.find((n) => n.toLowerCase() === 'doc.kml') ?? names.find((n) => !n.includes('/')) ?? names[0];
	if (!main) throw new ImportFileError('import.kmz_no_kml');
	const source = fromXml('kmz', parseXml(files.get(main)!), (d) => kml(d) as never);
	return source;
}
