/**
 * What an import can write, per layer: the fields a record takes, the column names surveys
 * use for them (地块编号 / DKBH / code / PIN …), which fields identify a record (its code) and
 * which geometry it needs. The mapping editor starts from `proposeMapping` and the user can
 * change every line of it before committing.
 */
import { BUILDING_KINDS, FACILITY_KINDS, LAND_USES, PARK_KINDS, READINESS_LEVELS, ROAD_CLASSES, SUPPLY_STATUSES, TAX_TIERS, UNIT_STATUSES } from '../vocab';

export const IMPORT_LAYERS = ['plots', 'parks', 'buildings', 'units', 'facilities', 'roads'] as const;
export type ImportLayer = (typeof IMPORT_LAYERS)[number];

/** Geometry a layer's records need; `null`: a table without geometry (units). */
export type TargetGeometry = 'polygon' | 'line' | 'point' | null;

export type FieldKind = 'text' | 'number' | 'integer' | 'date' | 'boolean' | 'ratio' | 'range' | 'land_use' | 'enum' | 'area' | 'year';

export interface TargetField {
	key: string;
	kind: FieldKind;
	/** Values an `enum` (or `land_use`) field takes, with the words surveys write for each. */
	vocab?: readonly string[];
	/** The vocabulary whose labels name those values (`<labels>.<value>` messages), e.g. `supply_status`. */
	labels?: string;
	words?: Record<string, RegExp>;
	/** The record cannot be written without it (after the default, if any). */
	required?: boolean;
	/** Column names that propose this field, compared without case, spaces, `_` and units in brackets. */
	names: string[];
	/** Matched against the column name when no name matches exactly. */
	pattern?: RegExp;
	/** Bounds of a number, as the database's CHECK constraints hold them (`gt`: strictly greater). */
	min?: number;
	max?: number;
	gt?: number;
	/** A number that may not be 0 (floors: −1 is the first basement, 1 the ground floor). */
	nonZero?: boolean;
}

export interface ImportTarget {
	layer: ImportLayer;
	geometry: TargetGeometry;
	/** The field that identifies a record: imports are idempotent by it. */
	key: string;
	fields: TargetField[];
	/** Who may import it: park editors (in their parks), or administrators only. */
	who: 'editor' | 'admin';
}

const f = (key: string, kind: FieldKind, names: string[], extra: Partial<TargetField> = {}): TargetField => ({ key, kind, names, ...extra });

const SUPPLY_WORDS: Record<string, RegExp> = {
	reserve: /储备|reserve/i,
	available: /待供|可供|招商|在售|available|vacant|空闲/i,
	negotiating: /洽谈|意向|negotiat/i,
	signed: /已签|签约|已出让|已供|signed|sold/i,
	under_construction: /在建|建设中|施工|construct/i,
	in_production: /投产|已建成|生产|production|operat/i
};
const READINESS_WORDS: Record<string, RegExp> = { raw: /生地|毛地|raw/i, serviced: /熟地|净地|九通|七通|五通|serviced/i };
const BUILDING_WORDS: Record<string, RegExp> = {
	office: /办公|写字楼|商务楼|office/i,
	standard_factory: /厂房|标准|车间|factory|plant|workshop/i,
	commercial: /商业|商场|commerc|retail/i,
	incubator: /孵化|众创|加速器|incubat/i
};
const UNIT_WORDS: Record<string, RegExp> = {
	vacant: /空置|空闲|待租|未租|vacant|empty/i,
	reserved: /预[订定留]|意向|reserved/i,
	leased: /已租|出租|在租|租用|leased|let|occupied/i
};
const PARK_WORDS: Record<string, RegExp> = {
	park_in_park: /园中园|park.in.park/i,
	urban_block: /街区|片区|block/i,
	business_district: /商务区|CBD|business/i,
	industrial_park: /园区|产业园|工业园|开发区|industrial/i
};
const FACILITY_WORDS: Record<string, RegExp> = {
	port: /港|码头|port/i,
	airport: /机场|airport/i,
	rail_station: /火车站|高铁|铁路|站|rail|station/i,
	highway_exit: /高速.*出口|出入口|互通|exit|interchange/i,
	university: /大学|学院|高校|universit|college/i,
	research_institute: /研究院|研究所|实验室|institute|laborator/i,
	incubator: /孵化|众创|incubat/i,
	government: /政府|管委会|服务中心|政务|government/i,
	hotel: /酒店|宾馆|hotel/i
};
const ROAD_WORDS: Record<string, RegExp> = {
	expressway: /高速|快速路|expressway|motorway|freeway/i,
	arterial: /主干|国道|arterial|primary/i,
	secondary: /次干|省道|县道|secondary/i,
	local: /支路|街|巷|乡道|local|residential|service/i
};
const TAX_WORDS: Record<string, RegExp> = {
	over_100m: /百亿|10亿|亿元以上.*10|over.?100m/i,
	over_50m: /5000万|五千万|over.?50m/i,
	over_10m: /亿|over.?10m/i,
	none: /无|none/i
};

const code = (names: string[]) => f('code', 'text', names, { required: true });
const nameZh = (extra: string[] = []) => f('nameZh', 'text', ['名称', 'name', 'mc', 'name_zh', ...extra]);
const nameEn = f('nameEn', 'text', ['英文名称', 'name_en', 'ywmc', 'english_name', 'nameen']);

export const IMPORT_TARGETS: Record<ImportLayer, ImportTarget> = {
	plots: {
		layer: 'plots',
		geometry: 'polygon',
		key: 'code',
		who: 'editor',
		fields: [
			code([
				'地块编号',
				'地块代码',
				'宗地编号',
				'宗地代码',
				'地块号',
				'编号',
				'dkbh',
				'dkdm',
				'zddm',
				'zdbh',
				'code',
				'plot_code',
				'plotcode',
				'pin',
				'parcel_id',
				'parcel'
			]),
			f('parkCode', 'text', ['园区编号', '园区代码', '所属园区', '园区', 'yqbh', 'park', 'park_code']),
			f(
				'landUse',
				'land_use',
				[
					'用地性质',
					'用地类型',
					'土地用途',
					'地块用途',
					'规划用途',
					'地类编码',
					'地类名称',
					'地类',
					'ydxz',
					'ydlx',
					'tdyt',
					'dlbm',
					'dlmc',
					'land_use',
					'landuse'
				],
				{ required: true, vocab: LAND_USES, labels: 'land_use' }
			),
			f('areaAttr', 'area', ['地块面积', '宗地面积', '用地面积', '面积', 'dkmj', 'zdmj', 'ydmj', 'mj', 'area', 'area_m2', 'area_ha', 'area_mu', 'shape_area'], {
				pattern: /面积|^mj|area/i
			}),
			f('supplyStatus', 'enum', ['供应状态', '状态', '土地状态', 'gyzt', 'zt', 'status', 'supply_status'], {
				vocab: SUPPLY_STATUSES,
				labels: 'supply_status',
				words: SUPPLY_WORDS
			}),
			f('readiness', 'enum', ['生熟地', '土地条件', '开发程度', 'readiness'], { vocab: READINESS_LEVELS, labels: 'readiness', words: READINESS_WORDS }),
			f('plotRatio', 'range', ['容积率', 'rjl', 'far', 'plot_ratio'], { min: 0, max: 20 }),
			f('buildingDensityMax', 'ratio', ['建筑密度', 'jzmd', 'building_density', 'density']),
			f('greenRatioMax', 'ratio', ['绿地率', 'ldl', 'green_ratio', 'green']),
			f('heightLimitM', 'number', ['限高', '建筑限高', '建筑高度', 'xg', 'height_limit', 'height'], { gt: 0 }),
			f('leaseTermYears', 'integer', ['出让年限', '使用年限', '土地年限', 'crnx', 'synx', 'lease_term'], { min: 1, max: 70 }),
			f('priceWanPerMu', 'number', ['参考价格', '出让价格', '基准地价', '价格', 'jg', 'price', 'price_wan_per_mu'], { min: 0 }),
			f('ownerName', 'text', ['权属', '权利人', '土地使用权人', '权属单位', 'qlr', 'qsdw', 'owner']),
			f('availableFrom', 'date', ['可供日期', '可供地时间', '供地时间', 'available_from', 'avail_from']),
			f('notes', 'text', ['备注', '说明', 'bz', 'notes', 'remark', 'remarks'])
		]
	},
	parks: {
		layer: 'parks',
		geometry: 'polygon',
		key: 'code',
		who: 'admin',
		fields: [
			code(['园区编号', '园区代码', '编号', 'yqbh', 'code', 'park_code']),
			nameZh(['园区名称', 'yqmc']),
			nameEn,
			f('kind', 'enum', ['类型', '园区类型', 'lx', 'kind', 'type'], { vocab: PARK_KINDS, labels: 'park_kind', words: PARK_WORDS }),
			f('operatorZh', 'text', ['运营主体', '管理机构', '运营单位', 'operator', 'operator_zh']),
			f('operatorEn', 'text', ['运营单位英文名称', 'operator_en', 'oper_en']),
			f('profileZh', 'text', ['简介', '园区简介', '产业定位', 'profile', 'profile_zh']),
			f('profileEn', 'text', ['profile_en'])
		]
	},
	buildings: {
		layer: 'buildings',
		geometry: 'polygon',
		key: 'code',
		who: 'editor',
		fields: [
			code(['楼宇编号', '建筑编号', '楼栋编号', '编号', 'jzbh', 'ldbh', 'code', 'building_code']),
			f('parkCode', 'text', ['园区编号', '所属园区', '园区', 'park', 'park_code']),
			nameZh(['楼宇名称', '建筑名称', 'jzmc']),
			nameEn,
			f('kind', 'enum', ['楼宇类型', '建筑类型', '类型', '用途', 'lx', 'kind', 'type'], {
				vocab: BUILDING_KINDS,
				labels: 'building_kind',
				words: BUILDING_WORDS,
				required: true
			}),
			f('floors', 'integer', ['层数', '楼层数', '地上层数', 'cs', 'floors'], { required: true, min: 1, max: 200 }),
			f('grossAreaM2', 'number', ['建筑面积', '总建筑面积', 'jzmj', 'gross_area', 'gross_area_m2'], { required: true, gt: 0 }),
			f('leasableAreaM2', 'number', ['可租面积', '可出租面积', '招商面积', 'kzmj', 'leasable_area', 'leasable_area_m2', 'leasable'], { gt: 0 }),
			f('rentYuanPerM2Day', 'number', ['租金', '参考租金', 'zj', 'rent'], { min: 0 }),
			f('ownerName', 'text', ['产权单位', '业主', '权利人', 'owner'], { required: true }),
			f('operatorName', 'text', ['运营单位', '运营主体', 'operator']),
			f('taxTier', 'enum', ['税收等级', 'tax_tier'], { vocab: TAX_TIERS, labels: 'tax_tier', words: TAX_WORDS }),
			f('completedYear', 'year', ['建成年份', '竣工年份', '建成年代', 'jcnf', 'completed_year', 'year'])
		]
	},
	units: {
		layer: 'units',
		geometry: null,
		key: 'unitKey',
		who: 'editor',
		fields: [
			f('buildingCode', 'text', ['楼宇编号', '建筑编号', '楼栋编号', 'jzbh', 'building', 'building_code'], { required: true }),
			f('floor', 'integer', ['楼层', '层', '所在楼层', 'lc', 'floor'], { required: true, min: -5, max: 200, nonZero: true }),
			f('unitNo', 'text', ['单元', '单元号', '房号', '房间号', '室号', 'dyh', 'fh', 'unit', 'unit_no'], { required: true }),
			f('areaM2', 'number', ['面积', '建筑面积', '使用面积', 'mj', 'area', 'area_m2'], { required: true, gt: 0 }),
			f('status', 'enum', ['状态', '出租状态', '租赁状态', 'zt', 'status'], { vocab: UNIT_STATUSES, labels: 'unit_status', words: UNIT_WORDS, required: true })
		]
	},
	facilities: {
		layer: 'facilities',
		geometry: 'point',
		key: 'code',
		who: 'admin',
		fields: [
			code(['设施编号', '编号', 'bh', 'code', 'id']),
			nameZh(['设施名称', 'sssmc']),
			nameEn,
			f('kind', 'enum', ['类型', '设施类型', 'lx', 'kind', 'type', 'category'], {
				vocab: FACILITY_KINDS,
				labels: 'facility_kind',
				words: FACILITY_WORDS,
				required: true
			})
		]
	},
	roads: {
		layer: 'roads',
		geometry: 'line',
		key: 'code',
		who: 'admin',
		fields: [
			code(['道路编号', '编号', 'dlbh', 'code', 'id', 'osm_id']),
			nameZh(['道路名称', '路名', 'dlmc']),
			nameEn,
			f('roadClass', 'enum', ['道路等级', '等级', 'dj', 'class', 'road_class', 'highway', 'fclass'], {
				vocab: ROAD_CLASSES,
				labels: 'road_class',
				words: ROAD_WORDS,
				required: true
			}),
			f('oneway', 'boolean', ['单行', '单向', 'oneway']),
			f('speedKmh', 'integer', ['设计速度', '限速', 'speed', 'maxspeed', 'speed_kmh'], { min: 5, max: 130 })
		]
	}
};

/** One line of the mapping: which column feeds the field, and the value to use where it is empty. */
export interface FieldMapping {
	column: string | null;
	fallback?: string | number | boolean | null;
}
export type Mapping = Record<string, FieldMapping>;

/** A column name as compared with a field's names: no case, spaces, `_`/`-`, or bracketed units. */
export function normalName(column: string): string {
	return column
		.toLowerCase()
		.replace(/[（(【[].*?[)）】\]]/g, '')
		.replace(/[\s_\-.:：]/g, '');
}

/** The mapping proposed for a file's columns: each field takes the first column that names it. */
export function proposeMapping(target: ImportTarget, columns: string[]): Mapping {
	const taken = new Set<string>();
	const byNorm = new Map(columns.map((c) => [normalName(c), c]));
	const out: Mapping = {};
	for (const field of target.fields) {
		let column: string | null = null;
		for (const n of field.names) {
			const c = byNorm.get(normalName(n));
			if (c && !taken.has(c)) {
				column = c;
				break;
			}
		}
		if (!column && field.pattern) column = columns.find((c) => !taken.has(c) && field.pattern!.test(c)) ?? null;
		if (column) taken.add(column);
		out[field.key] = { column };
	}
	return out;
}
