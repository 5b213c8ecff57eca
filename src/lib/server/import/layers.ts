/**
 * Where each import layer's fields go in the database: table, key, geometry column and the
 * column (with its SQL type) of every mapped field, and the values a new record starts with
 * where the file says nothing. Table and column names here are our own constants; values
 * always travel as bound parameters.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ImportLayer } from '../../domain/import/targets';
import { DEFAULT_SPEED_KMH, type LayerName } from '../../domain/vocab';

export type Cast = 'text' | 'float8' | 'int' | 'date' | 'bool';

export interface LayerSpec {
	table: string;
	/** The geometry column and how a staged geometry becomes its value; null for units. */
	geometry: { column: string; value: SQL } | null;
	/** Column holding the geodesic area (m²) of the geometry, recomputed on write. */
	areaColumn?: string;
	/** Column holding the geodesic length (m). */
	lengthColumn?: string;
	/** Records belong to a park, and park editors import only into their own. */
	parkScoped: boolean;
	/** Boundaries may not overlap other records of the layer by more than the tolerance. */
	noOverlap: boolean;
	/** Field key → column and type. Range fields arrive as `<key>Min` / `<key>Max`. */
	columns: Record<string, { column: string; cast: Cast }>;
	/** Column values of a new record where no mapped field gives one (SQL over the staged row `s`). */
	insertDefaults: (publish: boolean) => Record<string, SQL>;
	/** Tile layers whose data version a write bumps. */
	bumps: LayerName[];
	/** Entity name in the audit log. */
	entity: string;
}

const c = (column: string, cast: Cast = 'text') => ({ column, cast });
const val = (key: string, cast: Cast) => sql.raw(`(s.vals->>'${key}')::${cast}`);

export const LAYER_SPECS: Record<ImportLayer, LayerSpec> = {
	plots: {
		table: 'plots',
		geometry: { column: 'boundary', value: sql`s.geom` },
		areaColumn: 'area_m2',
		parkScoped: true,
		noOverlap: true,
		columns: {
			landUse: c('land_use'),
			supplyStatus: c('supply_status'),
			readiness: c('readiness'),
			plotRatioMin: c('plot_ratio_min', 'float8'),
			plotRatioMax: c('plot_ratio_max', 'float8'),
			buildingDensityMax: c('building_density_max', 'float8'),
			greenRatioMax: c('green_ratio_max', 'float8'),
			heightLimitM: c('height_limit_m', 'float8'),
			leaseTermYears: c('lease_term_years', 'int'),
			priceWanPerMu: c('price_wan_per_mu', 'float8'),
			ownerName: c('owner_name'),
			availableFrom: c('available_from', 'date'),
			notes: c('notes')
		},
		insertDefaults: (publish) => ({ supply_status: sql`'reserve'`, readiness: sql`'raw'`, notes: sql`''`, published: sql`${publish}` }),
		bumps: ['plots'],
		entity: 'plot'
	},
	buildings: {
		table: 'buildings',
		geometry: { column: 'footprint', value: sql`s.geom` },
		parkScoped: true,
		noOverlap: true,
		columns: {
			nameZh: c('name_zh'),
			nameEn: c('name_en'),
			kind: c('kind'),
			floors: c('floors', 'int'),
			grossAreaM2: c('gross_area_m2', 'float8'),
			leasableAreaM2: c('leasable_area_m2', 'float8'),
			rentYuanPerM2Day: c('rent_yuan_per_m2_day', 'float8'),
			ownerName: c('owner_name'),
			operatorName: c('operator_name'),
			taxTier: c('tax_tier'),
			completedYear: c('completed_year', 'int')
		},
		insertDefaults: (publish) => ({
			name_zh: sql`s.code`,
			name_en: sql`coalesce(s.vals->>'nameZh', s.code)`,
			leasable_area_m2: val('grossAreaM2', 'float8'),
			tax_tier: sql`'none'`,
			published: sql`${publish}`
		}),
		bumps: ['buildings'],
		entity: 'building'
	},
	parks: {
		table: 'parks',
		geometry: { column: 'boundary', value: sql`s.geom` },
		areaColumn: 'area_m2',
		parkScoped: false,
		noOverlap: false,
		columns: {
			nameZh: c('name_zh'),
			nameEn: c('name_en'),
			kind: c('kind'),
			operatorZh: c('operator_zh'),
			operatorEn: c('operator_en'),
			profileZh: c('profile_zh'),
			profileEn: c('profile_en')
		},
		insertDefaults: (publish) => ({
			name_zh: sql`s.code`,
			name_en: sql`coalesce(s.vals->>'nameZh', s.code)`,
			kind: sql`'industrial_park'`,
			operator_zh: sql`''`,
			operator_en: sql`coalesce(s.vals->>'operatorZh', '')`,
			published: sql`${publish}`
		}),
		bumps: ['parks'],
		entity: 'park'
	},
	facilities: {
		table: 'facilities',
		geometry: { column: 'location', value: sql`s.geom` },
		parkScoped: false,
		noOverlap: false,
		columns: { nameZh: c('name_zh'), nameEn: c('name_en'), kind: c('kind') },
		insertDefaults: (publish) => ({ name_zh: sql`s.code`, name_en: sql`coalesce(s.vals->>'nameZh', s.code)`, published: sql`${publish}` }),
		bumps: ['facilities'],
		entity: 'facility'
	},
	roads: {
		table: 'roads',
		// Roads are single lines: a MultiLineString is merged, and refused when its parts do not join.
		geometry: { column: 'geom', value: sql`ST_GeometryN(ST_Multi(ST_LineMerge(s.geom)), 1)` },
		lengthColumn: 'length_m',
		parkScoped: false,
		noOverlap: false,
		columns: { nameZh: c('name_zh'), nameEn: c('name_en'), roadClass: c('road_class'), oneway: c('oneway', 'bool'), speedKmh: c('speed_kmh', 'int') },
		insertDefaults: () => ({
			name_zh: sql`''`,
			name_en: sql`coalesce(s.vals->>'nameZh', '')`,
			oneway: sql`false`,
			speed_kmh: sql`coalesce((${JSON.stringify(DEFAULT_SPEED_KMH)}::jsonb ->> (s.vals->>'roadClass'))::int, ${DEFAULT_SPEED_KMH.local}::int)`
		}),
		bumps: ['roads'],
		entity: 'road'
	},
	units: {
		table: 'units',
		geometry: null,
		parkScoped: true,
		noOverlap: false,
		columns: { areaM2: c('area_m2', 'float8'), status: c('status') },
		insertDefaults: () => ({}),
		bumps: ['buildings'],
		entity: 'building'
	}
};

/** `(s.vals->>'key')::type` for a field, as written to its column. */
export const stagedValue = (key: string, cast: Cast): SQL => val(key, cast);
