/**
 * Tables of the map's records for export.
 *
 * - Public (`publicTable`): an OGC collection's published records and public fields — the same
 *   rows and columns the OGC API serves — for the finder's results or one park.
 * - Console (`consoleTable`): every field a record's editor sees, named as the survey import
 *   reads them back (a park's plots exported and imported again are "unchanged"), kept to
 *   ten characters so a shapefile holds them uncut; park editors get their parks' records only.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { SessionUser } from '../auth';
import { inVisibleParks } from '../auth/scope';
import { textList } from '../db/lists';
import { collectionById, type Collection } from '../ogc/collections';
import type { ExportField, ExportFieldType, ExportTable, ExportValue } from './table';
import type { Geometry } from 'geojson';
import { translate, type Locale } from '../../i18n';
import type { MessageKey } from '../../i18n/messages';

const label = (locale: Locale, key: string) => translate(locale, `export.field.${key}` as MessageKey);

const typeOf = (t: Collection['fields'][number]['type']): ExportFieldType => (t === 'string' ? 'text' : t === 'boolean' ? 'boolean' : t);

function valueOf(type: ExportFieldType, v: unknown): ExportValue {
	if (v === null || v === undefined) return null;
	if (type === 'number' || type === 'integer') return Number(v);
	if (type === 'boolean') return Boolean(v);
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	return String(v);
}

/** A public collection's rows (published only) under an extra condition on the source row `s`. */
export async function publicTable(
	db: Database,
	collectionId: 'plots' | 'buildings' | 'parks' | 'facilities',
	where: SQL,
	locale: Locale,
	name: string
): Promise<ExportTable> {
	const c = collectionById(collectionId)!;
	const rows = await db.rows<Record<string, unknown>>(sql`select s.*, ST_AsGeoJSON(s.geom) as geojson from (${c.source}) s where ${where} order by s.code`);
	const fields: ExportField[] = c.fields.map((f) => ({ key: f.name, label: label(locale, f.name), type: typeOf(f.type) }));
	return {
		name,
		title: translate(locale, `export.layer.${collectionId}` as MessageKey),
		geometry: c.geometry,
		fields,
		rows: rows.map((r) => ({
			geometry: JSON.parse(String(r.geojson)) as Geometry,
			values: Object.fromEntries(fields.map((f) => [f.key, valueOf(f.type, r[f.key === 'code' ? 'f_code' : f.key])]))
		}))
	};
}

export const publicByCodes = (codes: string[]): SQL => sql`s.code in ${textList(codes)}`;
export const publicInPark = (parkCode: string, collectionId: string): SQL =>
	collectionId === 'parks'
		? sql`(s.code = ${parkCode} or s.parent = ${parkCode})`
		: collectionId === 'facilities'
			? sql`exists (select 1 from parks k where k.code = ${parkCode} and k.published and ST_Intersects(k.boundary, s.geom))`
			: sql`s.park = ${parkCode}`;

export const CONSOLE_LAYERS = ['plots', 'buildings', 'parks', 'facilities', 'roads'] as const;
export type ConsoleLayer = (typeof CONSOLE_LAYERS)[number];

interface ColumnSpec {
	key: string;
	type: ExportFieldType;
	expr: SQL;
}
const col = (key: string, type: ExportFieldType, expr: string): ColumnSpec => ({ key, type, expr: sql.raw(expr) });
const RANGE = (min: string, max: string) =>
	`case when ${min} is not null and ${max} is not null then ${min}::text || '-' || ${max}::text when ${max} is not null then '≤' || ${max}::text when ${min} is not null then '≥' || ${min}::text end`;
const DAY = (c: string) => `to_char(${c}, 'YYYY-MM-DD')`;
const CONFIRMED = (c: string) => `to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const INDUSTRIES = (table: string, key: string, id: string) =>
	`(select string_agg(i.code, ',' order by i.sort_order) from ${table} x join industries i on i.id = x.industry_id where x.${key} = ${id})`;

interface LayerSource {
	geometry: NonNullable<ExportTable['geometry']>;
	geom: string;
	from: string;
	/** The park column that scopes a park editor, or null for zone-wide layers (staff only). */
	park: string | null;
	columns: ColumnSpec[];
}

const SOURCES: Record<ConsoleLayer, LayerSource> = {
	plots: {
		geometry: 'MultiPolygon',
		geom: 't.boundary',
		from: 'plots t join parks k on k.id = t.park_id',
		park: 't.park_id',
		columns: [
			col('code', 'text', 't.code'),
			col('park_code', 'text', 'k.code'),
			col('land_use', 'text', 't.land_use'),
			col('status', 'text', 't.supply_status'),
			col('readiness', 'text', 't.readiness'),
			col('plot_ratio', 'text', RANGE('t.plot_ratio_min', 't.plot_ratio_max')),
			col('density', 'number', 't.building_density_max'),
			col('green', 'number', 't.green_ratio_max'),
			col('height', 'number', 't.height_limit_m'),
			col('lease_term', 'integer', 't.lease_term_years'),
			col('price', 'number', 't.price_wan_per_mu'),
			col('owner', 'text', 't.owner_name'),
			col('avail_from', 'text', DAY('t.available_from')),
			col('notes', 'text', 't.notes'),
			col('area_mu', 'number', 'round((t.area_m2 / (10000.0 / 15))::numeric, 2)::float8'),
			col('industries', 'text', INDUSTRIES('plot_industries', 'plot_id', 't.id')),
			col('published', 'boolean', 't.published'),
			col('confirmed', 'text', CONFIRMED('t.confirmed_at'))
		]
	},
	buildings: {
		geometry: 'MultiPolygon',
		geom: 't.footprint',
		from: 'buildings t join parks k on k.id = t.park_id cross join lateral building_occupancy(t.id, t.leasable_area_m2, t.leased_area_m2) o',
		park: 't.park_id',
		columns: [
			col('code', 'text', 't.code'),
			col('park_code', 'text', 'k.code'),
			col('name_zh', 'text', 't.name_zh'),
			col('name_en', 'text', 't.name_en'),
			col('kind', 'text', 't.kind'),
			col('floors', 'integer', 't.floors'),
			col('gross_area', 'number', 't.gross_area_m2'),
			col('leasable', 'number', 't.leasable_area_m2'),
			col('rent', 'number', 't.rent_yuan_per_m2_day'),
			col('owner', 'text', 't.owner_name'),
			col('operator', 'text', 't.operator_name'),
			col('tax_tier', 'text', 't.tax_tier'),
			col('year', 'integer', 't.completed_year'),
			col('vacant_m2', 'number', 'round(o.vacant_m2::numeric, 1)::float8'),
			col('occupancy', 'number', 'round(o.rate::numeric, 3)::float8'),
			col('published', 'boolean', 't.published'),
			col('confirmed', 'text', CONFIRMED('t.confirmed_at'))
		]
	},
	parks: {
		geometry: 'MultiPolygon',
		geom: 't.boundary',
		from: 'parks t left join parks q on q.id = t.parent_id',
		park: 't.id',
		columns: [
			col('code', 'text', 't.code'),
			col('name_zh', 'text', 't.name_zh'),
			col('name_en', 'text', 't.name_en'),
			col('kind', 'text', 't.kind'),
			col('parent', 'text', 'q.code'),
			col('operator', 'text', 't.operator_zh'),
			col('oper_en', 'text', 't.operator_en'),
			col('profile_zh', 'text', 't.profile_zh'),
			col('profile_en', 'text', 't.profile_en'),
			col('area_ha', 'number', 'round((t.area_m2 / 10000)::numeric, 2)::float8'),
			col('industries', 'text', INDUSTRIES('park_industries', 'park_id', 't.id')),
			col('published', 'boolean', 't.published')
		]
	},
	facilities: {
		geometry: 'Point',
		geom: 't.location',
		from: 'facilities t',
		park: null,
		columns: [
			col('code', 'text', 't.code'),
			col('name_zh', 'text', 't.name_zh'),
			col('name_en', 'text', 't.name_en'),
			col('kind', 'text', 't.kind'),
			col('published', 'boolean', 't.published')
		]
	},
	roads: {
		geometry: 'MultiLineString',
		geom: 'ST_Multi(t.geom)',
		from: 'roads t',
		park: null,
		columns: [
			col('code', 'text', 't.code'),
			col('name_zh', 'text', 't.name_zh'),
			col('name_en', 'text', 't.name_en'),
			col('road_class', 'text', 't.road_class'),
			col('oneway', 'boolean', 't.oneway'),
			col('speed_kmh', 'integer', 't.speed_kmh'),
			col('length_m', 'number', 'round(t.length_m::numeric, 1)::float8')
		]
	}
};

/** Whether the layer is kept to a park editor's parks (else it is for staff and administrators). */
export const parkScoped = (layer: ConsoleLayer) => SOURCES[layer].park !== null && layer !== 'parks';

/** A console layer's current (not retired) records the user may see, optionally in one park. */
export async function consoleTable(db: Database, user: SessionUser, layer: ConsoleLayer, locale: Locale, parkCode: string | null): Promise<ExportTable> {
	const s = SOURCES[layer];
	const retired = layer === 'plots' || layer === 'buildings' || layer === 'facilities' ? sql`and t.retired_at is null` : sql``;
	const scope = s.park ? inVisibleParks(sql.raw(s.park), user) : sql``;
	const inPark =
		parkCode === null
			? sql``
			: layer === 'parks'
				? sql`and (t.code = ${parkCode} or q.code = ${parkCode})`
				: s.park
					? sql`and k.code = ${parkCode}`
					: sql`and exists (select 1 from parks k where k.code = ${parkCode} and ST_Intersects(k.boundary, t.${sql.raw(layer === 'roads' ? 'geom' : 'location')}))`;
	const select = sql.join(
		s.columns.map((c) => sql`${c.expr} as ${sql.identifier(c.key)}`),
		sql`, `
	);
	const rows = await db.rows<Record<string, unknown>>(sql`
		select ${select}, ST_AsGeoJSON(${sql.raw(s.geom)}) as geojson from ${sql.raw(s.from)}
		where true ${retired} ${scope} ${inPark} order by t.code`);
	const fields: ExportField[] = s.columns.map((c) => ({ key: c.key, label: label(locale, c.key), type: c.type }));
	return {
		name: parkCode ? `${layer}-${parkCode.replace(/[^\w-]/g, '_')}` : layer,
		title: translate(locale, `export.layer.${layer}` as MessageKey),
		geometry: s.geometry,
		fields,
		rows: rows.map((r) => ({
			geometry: r.geojson ? (JSON.parse(String(r.geojson)) as Geometry) : null,
			values: Object.fromEntries(fields.map((f) => [f.key, valueOf(f.type, r[f.key])]))
		}))
	};
}
