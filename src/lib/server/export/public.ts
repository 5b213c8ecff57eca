/**
 * Public downloads — published records and public fields only, the same as the OGC API
 * serves: a park's (or the zone's) plots, buildings, parks or facilities, and the finder's
 * results in their ranking (every match, not one page), with the score and rank.
 */
import type { Database } from '../db/client';
import type { FinderQuery } from '../../domain/finder';
import { rankSites } from '../search';
import { translate, type Locale } from '../../i18n';
import { publicByCodes, publicInPark, publicTable } from './records';
import { EXPORT_MAX_ROWS, ExportRefused, checkExportable, parseExportRequest } from './request';
import { exportResponse } from './index';
import type { ExportTable } from './table';
import { sql } from 'drizzle-orm';

const PUBLIC_LAYERS = ['plots', 'buildings', 'parks', 'facilities'] as const;
type PublicLayer = (typeof PUBLIC_LAYERS)[number];
const OPEN = { 'access-control-allow-origin': '*' };

export async function publicExport(db: Database, layer: string, url: URL, locale: Locale): Promise<Response> {
	if (!(PUBLIC_LAYERS as readonly string[]).includes(layer)) throw new ExportRefused('export.layer_unknown', {}, 404);
	const request = parseExportRequest(url);
	const park = url.searchParams.get('park')?.slice(0, 64) || null;
	const name = park ? `${layer}-${park.replace(/[^\w-]/g, '_')}` : layer;
	const table = await publicTable(db, layer as PublicLayer, park ? publicInPark(park, layer) : sql`true`, locale, name);
	checkExportable(table, request);
	return exportResponse(table, request.format, { encoding: request.encoding, nameField: 'code' }, OPEN);
}

/** Every result of a search, best first: plots and buildings in one table with their rank and score. */
export async function finderExport(db: Database, query: FinderQuery, url: URL, locale: Locale): Promise<Response> {
	const request = parseExportRequest(url);
	// In the finder's ranking; one over the limit, so that checkExportable can refuse a search too large to download.
	const ranked = (await rankSites(db, query, { offset: 0, limit: EXPORT_MAX_ROWS + 1 })).ranked.map((r) => ({ ...r, kind: query.kind }));
	const codes = (kind: 'plot' | 'building') => ranked.filter((m) => m.kind === kind).map((m) => m.code);
	const [plots, buildings] = await Promise.all([
		publicTable(db, 'plots', publicByCodes(codes('plot')), locale, 'plots'),
		publicTable(db, 'buildings', publicByCodes(codes('building')), locale, 'buildings')
	]);
	const fields: ExportTable['fields'] = [
		{ key: 'rank', type: 'integer', label: translate(locale, 'export.field.rank') },
		{ key: 'score', type: 'integer', label: translate(locale, 'export.field.score') },
		{ key: 'site_kind', type: 'text', label: translate(locale, 'export.field.site_kind') }
	];
	for (const f of [...plots.fields, ...buildings.fields]) if (!fields.some((x) => x.key === f.key)) fields.push(f);
	const byCode = new Map([
		...plots.rows.map((r) => [`plot:${r.values.code}`, r] as const),
		...buildings.rows.map((r) => [`building:${r.values.code}`, r] as const)
	]);
	const rows: ExportTable['rows'] = [];
	for (const m of ranked) {
		const r = byCode.get(`${m.kind}:${m.code}`);
		if (!r) continue;
		rows.push({
			geometry: r.geometry,
			values: {
				...Object.fromEntries(fields.map((f) => [f.key, r.values[f.key] ?? null])),
				rank: rows.length + 1,
				score: Math.round(m.score),
				site_kind: translate(locale, m.kind === 'plot' ? 'export.site_kind.plot' : 'export.site_kind.building')
			}
		});
	}
	const table: ExportTable = { name: 'site-search', title: translate(locale, 'export.layer.finder'), geometry: 'MultiPolygon', fields, rows };
	checkExportable(table, request);
	return exportResponse(table, request.format, { encoding: request.encoding, nameField: 'code' }, OPEN);
}
