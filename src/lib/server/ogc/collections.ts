/**
 * The OGC API – Features collections: which table each reads, its public fields (the same
 * ones the public site shows; nothing a console user alone may see) and its queryables — the
 * fields investors filter on, each a query parameter declared in the OpenAPI document, since
 * GDAL sends `field=value` only for what the document declares. Only published records of
 * published parks are ever served.
 */
import { sql, type SQL } from 'drizzle-orm';
import { BUILDING_KINDS, FACILITY_KINDS, LAND_USES, PARK_KINDS, SUPPLY_STATUSES } from '../../domain/vocab';
import { M2_PER_MU } from '../../domain/units';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean';

export interface Field {
	name: string;
	type: FieldType;
	title: string;
	enum?: readonly string[];
}

/** A filter on a query parameter: its schema for the document, and the SQL it adds for a value. */
export interface Queryable {
	name: string;
	type: FieldType;
	title: string;
	enum?: readonly string[];
	/** A lower or upper bound on a field rather than an equality. */
	bound?: 'min' | 'max';
	where(value: string | number): SQL;
}

export interface Collection {
	id: 'parks' | 'plots' | 'buildings' | 'facilities';
	title: string;
	description: string;
	geometry: 'MultiPolygon' | 'Point';
	fields: Field[];
	queryables: Queryable[];
	/** `select <id as code>, <geom as geom>, <fields> from … where <published>`: the rows, before filters. */
	source: SQL;
}

const eq = (column: SQL) => (v: string | number) => sql`${column} = ${v}`;

const industryOf = (table: 'plot_industries' | 'park_industries', key: SQL) => (v: string | number) =>
	sql`exists (select 1 from ${sql.identifier(table)} x join industries i on i.id = x.industry_id where x.${sql.identifier(table === 'plot_industries' ? 'plot_id' : 'park_id')} = ${key} and i.code = ${v})`;

export const COLLECTIONS: Collection[] = [
	{
		id: 'parks',
		title: 'Industrial parks · 园区',
		description: 'The development zone’s industrial parks, with their operators and leading industries.',
		geometry: 'MultiPolygon',
		fields: [
			{ name: 'code', type: 'string', title: 'Park code' },
			{ name: 'name_zh', type: 'string', title: 'Name (Chinese)' },
			{ name: 'name_en', type: 'string', title: 'Name (English)' },
			{ name: 'kind', type: 'string', title: 'Kind of park', enum: PARK_KINDS },
			{ name: 'parent', type: 'string', title: 'Park it lies in (code)' },
			{ name: 'area_ha', type: 'number', title: 'Area (ha)' },
			{ name: 'operator_zh', type: 'string', title: 'Operator (Chinese)' },
			{ name: 'operator_en', type: 'string', title: 'Operator (English)' },
			{ name: 'industries', type: 'string', title: 'Industries, leading first (codes, comma-separated)' }
		],
		queryables: [
			{ name: 'kind', type: 'string', title: 'Kind of park', enum: PARK_KINDS, where: eq(sql`s.kind`) },
			{ name: 'industry', type: 'string', title: 'Industry (code)', where: industryOf('park_industries', sql`s.id`) }
		],
		source: sql`
			select p.id, p.code, p.boundary as geom, p.code as f_code, p.name_zh, p.name_en, p.kind, q.code as parent,
				round((p.area_m2 / 10000)::numeric, 2)::float8 as area_ha, p.operator_zh, p.operator_en,
				(select string_agg(i.code, ',' order by pi.is_leading desc, i.sort_order)
					from park_industries pi join industries i on i.id = pi.industry_id where pi.park_id = p.id) as industries
			from parks p left join parks q on q.id = p.parent_id
			where p.published`
	},
	{
		id: 'plots',
		title: 'Land plots · 地块',
		description: 'Land plots of the parks with their supply status, land use, area and the industries they suit.',
		geometry: 'MultiPolygon',
		fields: [
			{ name: 'code', type: 'string', title: 'Plot code' },
			{ name: 'park', type: 'string', title: 'Park (code)' },
			{ name: 'status', type: 'string', title: 'Supply status', enum: SUPPLY_STATUSES },
			{ name: 'land_use', type: 'string', title: 'Land use', enum: LAND_USES },
			{ name: 'area_m2', type: 'number', title: 'Area (m²)' },
			{ name: 'area_mu', type: 'number', title: 'Area (mu, 亩)' },
			{ name: 'plot_ratio_min', type: 'number', title: 'Plot ratio, least' },
			{ name: 'plot_ratio_max', type: 'number', title: 'Plot ratio, most' },
			{ name: 'height_limit_m', type: 'number', title: 'Height limit (m)' },
			{ name: 'price_wan_per_mu', type: 'number', title: 'Reference price (¥10,000 per mu)' },
			{ name: 'industries', type: 'string', title: 'Suited industries (codes, comma-separated)' },
			{ name: 'confirmed_at', type: 'string', title: 'Last confirmed as accurate (ISO 8601)' }
		],
		queryables: [
			{ name: 'status', type: 'string', title: 'Supply status', enum: SUPPLY_STATUSES, where: eq(sql`s.status`) },
			{ name: 'land_use', type: 'string', title: 'Land use', enum: LAND_USES, where: eq(sql`s.land_use`) },
			{ name: 'industry', type: 'string', title: 'Suited industry (code)', where: industryOf('plot_industries', sql`s.id`) },
			{
				name: 'chain',
				type: 'string',
				title: 'Industry chain (code): plots of the parks positioned for it',
				where: (v) => sql`exists (select 1 from plot_industries x join chains c on c.industry_id = x.industry_id where x.plot_id = s.id and c.code = ${v})`
			},
			{ name: 'park', type: 'string', title: 'Park (code)', where: eq(sql`s.park`) },
			{ name: 'area_mu_min', type: 'number', title: 'Area at least (mu)', bound: 'min', where: (v) => sql`s.raw_area_m2 >= ${Number(v) * M2_PER_MU}` },
			{ name: 'area_mu_max', type: 'number', title: 'Area at most (mu)', bound: 'max', where: (v) => sql`s.raw_area_m2 <= ${Number(v) * M2_PER_MU}` }
		],
		source: sql`
			select p.id, p.code, p.boundary as geom, p.park_id, p.area_m2 as raw_area_m2, p.code as f_code, k.code as park, p.supply_status as status, p.land_use,
				round(p.area_m2::numeric, 1)::float8 as area_m2, round((p.area_m2 / (10000.0 / 15))::numeric, 2)::float8 as area_mu,
				p.plot_ratio_min, p.plot_ratio_max, p.height_limit_m, p.price_wan_per_mu,
				(select string_agg(i.code, ',' order by i.sort_order) from plot_industries pi join industries i on i.id = pi.industry_id where pi.plot_id = p.id) as industries,
				to_char(p.confirmed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as confirmed_at
			from plots p join parks k on k.id = p.park_id
			where p.published and k.published`
	},
	{
		id: 'buildings',
		title: 'Buildings · 楼宇与厂房',
		description: 'Office buildings, standard factories, incubators and commercial buildings, with vacant space and rent.',
		geometry: 'MultiPolygon',
		fields: [
			{ name: 'code', type: 'string', title: 'Building code' },
			{ name: 'park', type: 'string', title: 'Park (code)' },
			{ name: 'name_zh', type: 'string', title: 'Name (Chinese)' },
			{ name: 'name_en', type: 'string', title: 'Name (English)' },
			{ name: 'kind', type: 'string', title: 'Kind of building', enum: BUILDING_KINDS },
			{ name: 'floors', type: 'integer', title: 'Floors' },
			{ name: 'gross_area_m2', type: 'number', title: 'Gross floor area (m²)' },
			{ name: 'vacant_m2', type: 'number', title: 'Vacant floor area (m²)' },
			{ name: 'occupancy', type: 'number', title: 'Occupancy (0–1)' },
			{ name: 'rent_yuan_per_m2_day', type: 'number', title: 'Rent (yuan per m² per day)' }
		],
		queryables: [
			{ name: 'kind', type: 'string', title: 'Kind of building', enum: BUILDING_KINDS, where: eq(sql`s.kind`) },
			{ name: 'park', type: 'string', title: 'Park (code)', where: eq(sql`s.park`) },
			{ name: 'vacant_m2_min', type: 'number', title: 'Vacant floor area at least (m²)', bound: 'min', where: (v) => sql`s.vacant_m2 >= ${Number(v)}` }
		],
		source: sql`
			select b.id, b.code, b.footprint as geom, b.code as f_code, k.code as park, b.name_zh, b.name_en, b.kind, b.floors,
				round(b.gross_area_m2::numeric, 1)::float8 as gross_area_m2, round(o.vacant_m2::numeric, 1)::float8 as vacant_m2,
				round(o.rate::numeric, 3)::float8 as occupancy, b.rent_yuan_per_m2_day
			from buildings b join parks k on k.id = b.park_id
				cross join lateral building_occupancy(b.id, b.leasable_area_m2, b.leased_area_m2) o
			where b.published and k.published`
	},
	{
		id: 'facilities',
		title: 'Facilities · 配套设施',
		description: 'Ports, highway exits, stations, universities, hotels and other facilities investors ask about.',
		geometry: 'Point',
		fields: [
			{ name: 'code', type: 'string', title: 'Facility code' },
			{ name: 'kind', type: 'string', title: 'Kind of facility', enum: FACILITY_KINDS },
			{ name: 'name_zh', type: 'string', title: 'Name (Chinese)' },
			{ name: 'name_en', type: 'string', title: 'Name (English)' }
		],
		queryables: [{ name: 'kind', type: 'string', title: 'Kind of facility', enum: FACILITY_KINDS, where: eq(sql`s.kind`) }],
		source: sql`
			select f.id, f.code, f.location as geom, f.code as f_code, f.kind, f.name_zh, f.name_en
			from facilities f where f.published`
	}
];

export const collectionById = (id: string) => COLLECTIONS.find((c) => c.id === id) ?? null;
