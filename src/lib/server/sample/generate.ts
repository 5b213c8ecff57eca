/**
 * The sample development zone: five parks around Dongying (118.4–118.8 E, 37.3–37.6 N)
 * with plots, buildings and units, enterprises, facilities, roads, water, disposal
 * targets and projects. Everything is SAMPLE DATA — names, figures and owners are made
 * up — but laid out at real coordinates and in real proportions.
 *
 * Deterministic: the same seed and `asOf` date give exactly the same zone.
 */
import type { LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { closeRing, localFrame, type LocalFrame } from '../../geo/local-frame';
import type { BuildingKind, FacilityKind, LandUse, ParkKind, ProjectStage, ReadinessItem, RoadClass, SupplyStatus, UnitStatus } from '../../domain/vocab';
import { READINESS_ITEMS } from '../../domain/vocab';
import { Random } from './random';
import { CHAINS, INDUSTRIES, type ChainDef, type IndustryDef } from './taxonomy';

export const SAMPLE_SEED = 20261101;

export interface SamplePark {
	code: string;
	nameZh: string;
	nameEn: string;
	kind: ParkKind;
	parent: string | null;
	boundary: MultiPolygon;
	operatorZh: string;
	operatorEn: string;
	contactName: string;
	contactPhone: string;
	contactEmail: string;
	profileZh: string;
	profileEn: string;
	industries: { code: string; leading: boolean }[];
	chains: string[];
	disposalTargetMu: number | null;
	published: boolean;
}

export interface SamplePlot {
	code: string;
	park: string;
	boundary: MultiPolygon;
	landUse: LandUse;
	plotRatioMin: number;
	plotRatioMax: number;
	buildingDensityMax: number;
	greenRatioMax: number;
	heightLimitM: number;
	leaseTermYears: number;
	priceWanPerMu: number;
	readiness: 'raw' | 'serviced';
	readinessItems: ReadinessItem[];
	supplyStatus: SupplyStatus;
	isIdle: boolean;
	isLowEfficiency: boolean;
	disposalMethod: string | null;
	disposalDeadline: string | null;
	agreedStartDate: string | null;
	builtRatio: number | null;
	investedRatio: number | null;
	ownerName: string;
	contactName: string;
	contactPhone: string;
	availableFrom: string | null;
	taxPerMuWan: number | null;
	outputPerMuWan: number | null;
	industries: string[];
	published: boolean;
	confirmedDaysAgo: number;
}

export interface SampleUnit {
	floor: number;
	unitNo: string;
	areaM2: number;
	status: UnitStatus;
	tenantIndustry: string | null;
}

export interface SampleBuilding {
	code: string;
	park: string;
	plot: string | null;
	nameZh: string;
	nameEn: string;
	footprint: MultiPolygon;
	kind: BuildingKind;
	floors: number;
	grossAreaM2: number;
	leasableAreaM2: number;
	rentYuanPerM2Day: number;
	ownerName: string;
	operatorName: string;
	businessFormats: string[];
	taxTier: 'none' | 'over_10m' | 'over_50m' | 'over_100m';
	completedYear: number;
	units: SampleUnit[];
	published: boolean;
	confirmedDaysAgo: number;
}

export interface SampleEnterprise {
	nameZh: string;
	nameEn: string;
	industry: string;
	link: string;
	plot: string | null;
	building: string | null;
	location: Position;
	employees: number;
	outputBand: string;
	taxBand: string;
	marks: string[];
}

export interface SampleFacility {
	code: string;
	kind: FacilityKind;
	nameZh: string;
	nameEn: string;
	location: Position;
}

export interface SampleRoad {
	nameZh: string;
	nameEn: string;
	roadClass: RoadClass;
	oneway: boolean;
	speedKmh: number;
	geom: LineString;
}

export interface SampleWater {
	nameZh: string;
	nameEn: string;
	geom: Polygon;
}

export interface SampleProject {
	nameZh: string;
	nameEn: string;
	investorName: string;
	industry: string;
	link: string;
	stage: ProjectStage;
	plot: string | null;
	investmentWan: number;
	fundsInPlaceWan: number;
	foreignCapitalUsd: number;
	leadAt: string;
	signedAt: string | null;
	startedAt: string | null;
	productionAt: string | null;
}

export interface SampleZone {
	seed: number;
	asOf: string;
	industries: IndustryDef[];
	chains: ChainDef[];
	parks: SamplePark[];
	plots: SamplePlot[];
	buildings: SampleBuilding[];
	enterprises: SampleEnterprise[];
	facilities: SampleFacility[];
	roads: SampleRoad[];
	water: SampleWater[];
	projects: SampleProject[];
	disposalYear: number;
}

// ------------------------------------------------------------------ park layout

interface ParkSpec {
	code: string;
	nameZh: string;
	nameEn: string;
	center: Position;
	/** Width and height in metres. */
	size: [number, number];
	rotationDeg: number;
	industries: string[];
	chains: string[];
	operatorZh: string;
	operatorEn: string;
	disposalTargetMu: number;
	/** Land-use mix of the park's plots. */
	landUses: readonly (readonly [LandUse, number])[];
	profileZh: string;
	profileEn: string;
}

/** Disposal targets per park sum to the zone-wide 9,570 亩. */
const PARK_SPECS: ParkSpec[] = [
	{
		code: 'NM',
		nameZh: '新材料产业园',
		nameEn: 'New Materials Industrial Park',
		center: [118.5, 37.4],
		size: [3200, 2400],
		rotationDeg: 6,
		industries: ['new_materials'],
		chains: ['functional_ceramics', 'rare_earth_catalysis', 'high_performance_fibre', 'advanced_composites', 'copper_materials'],
		operatorZh: '东营新材料产业园发展有限公司（示例）',
		operatorEn: 'Dongying New Materials Park Development Co. (sample)',
		disposalTargetMu: 2660,
		landUses: [
			['industrial', 0.85],
			['research', 0.08],
			['logistics', 0.07]
		],
		profileZh: '以功能陶瓷、稀土催化、高性能纤维、先进复合材料和铜基材料五条产业链为主导的新材料集聚区。',
		profileEn:
			'A cluster for new materials led by five chains: functional ceramics, rare-earth catalysis, high-performance fibre, advanced composites and copper-based materials.'
	},
	{
		code: 'TE',
		nameZh: '交通装备产业园',
		nameEn: 'Transport Equipment Industrial Park',
		center: [118.645, 37.355],
		size: [2800, 2200],
		rotationDeg: -4,
		industries: ['transport_equipment', 'new_materials'],
		chains: ['rail_wheelset', 'copper_materials'],
		operatorZh: '东营交通装备产业园运营有限公司（示例）',
		operatorEn: 'Dongying Transport Equipment Park Operations Co. (sample)',
		disposalTargetMu: 1340,
		landUses: [
			['industrial', 0.88],
			['logistics', 0.12]
		],
		profileZh: '围绕轨道交通轮对“车轮钢—车轮—车轴—轮对”链条布局的装备制造园区。',
		profileEn: 'An equipment-making park built around the rail wheelset chain: wheel steel, wheels, axles, wheelsets.'
	},
	{
		code: 'AV',
		nameZh: '临空航空产业园',
		nameEn: 'Airport Aerospace Industrial Park',
		center: [118.76, 37.52],
		size: [2400, 2000],
		rotationDeg: 12,
		industries: ['aerospace', 'new_materials'],
		chains: ['general_aviation', 'advanced_composites'],
		operatorZh: '东营临空经济区建设发展有限公司（示例）',
		operatorEn: 'Dongying Airport Economic Zone Development Co. (sample)',
		disposalTargetMu: 870,
		landUses: [
			['industrial', 0.7],
			['logistics', 0.15],
			['research', 0.15]
		],
		profileZh: '依托东营胜利机场发展通用航空制造、航空材料与维修运营。',
		profileEn: 'Next to Dongying Shengli Airport: general-aviation manufacturing, aviation materials, maintenance and operation.'
	},
	{
		code: 'PL',
		nameZh: '港城物流园',
		nameEn: 'Port Logistics Park',
		center: [118.72, 37.58],
		size: [2600, 1800],
		rotationDeg: 0,
		industries: ['modern_services'],
		chains: ['port_logistics'],
		operatorZh: '东营港城物流发展有限公司（示例）',
		operatorEn: 'Dongying Port City Logistics Development Co. (sample)',
		disposalTargetMu: 4590,
		landUses: [
			['logistics', 0.75],
			['industrial', 0.15],
			['commercial', 0.1]
		],
		profileZh: '服务东营港的仓储、货运代理与供应链金融集聚区。',
		profileEn: 'Warehousing, freight forwarding and supply-chain finance serving Dongying Port.'
	},
	{
		code: 'SE',
		nameZh: '科教创新园',
		nameEn: 'Science and Education Innovation Park',
		center: [118.585, 37.47],
		size: [2600, 2200],
		rotationDeg: 0,
		industries: ['digital_economy', 'modern_services'],
		chains: ['industrial_internet', 'port_logistics'],
		operatorZh: '东营科教创新园运营管理有限公司（示例）',
		operatorEn: 'Dongying Science and Education Park Management Co. (sample)',
		disposalTargetMu: 110,
		landUses: [
			['office', 0.45],
			['research', 0.3],
			['commercial', 0.15],
			['mixed', 0.1]
		],
		profileZh: '毗邻高校与科研院所，集聚商务楼宇、研发机构与数字经济企业。',
		profileEn: 'Beside the university and research institutes: office towers, R&D and digital-economy firms.'
	}
];

const BLOCK_W = 360;
const BLOCK_H = 300;
/** Road corridor between blocks, metres. */
const ROAD_W = 30;

interface BlockCell {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
	row: number;
	col: number;
}

function parkGrid(spec: ParkSpec): { cols: number; rows: number; halfW: number; halfH: number } {
	const cols = Math.floor(spec.size[0] / BLOCK_W);
	const rows = Math.floor(spec.size[1] / BLOCK_H);
	return { cols, rows, halfW: (cols * BLOCK_W) / 2, halfH: (rows * BLOCK_H) / 2 };
}

function toMultiPolygon(frame: LocalFrame, ring: [number, number][]): MultiPolygon {
	return { type: 'MultiPolygon', coordinates: [[closeRing(ring.map(([x, y]) => frame.toLonLat(x, y)))]] };
}

/** Counter-clockwise rectangle ring in local metres. */
function rect(x0: number, y0: number, x1: number, y1: number): [number, number][] {
	return [
		[x0, y0],
		[x1, y0],
		[x1, y1],
		[x0, y1]
	];
}

/**
 * A plot outline inside a rectangle: mostly rectangles with surveyed jitter, some with
 * a chamfered corner, some L-shaped, some with extra vertices along an edge (5–12 vertices).
 */
function plotShape(rng: Random, x0: number, y0: number, x1: number, y1: number): [number, number][] {
	const j = () => rng.range(-1.5, 1.5);
	const w = x1 - x0;
	const h = y1 - y0;
	const shape = rng.weighted([
		['rect', 0.45],
		['chamfer', 0.2],
		['notch', 0.15],
		['bent', 0.2]
	] as const);
	let ring: [number, number][];
	if (shape === 'chamfer') {
		const c = Math.min(w, h) * rng.range(0.12, 0.25);
		ring = [
			[x0, y0],
			[x1 - c, y0],
			[x1, y0 + c],
			[x1, y1],
			[x0, y1]
		];
	} else if (shape === 'notch' && w > 90 && h > 90) {
		const nx = w * rng.range(0.25, 0.4);
		const ny = h * rng.range(0.25, 0.4);
		ring = [
			[x0, y0],
			[x1, y0],
			[x1, y1 - ny],
			[x1 - nx, y1 - ny],
			[x1 - nx, y1],
			[x0, y1]
		];
	} else if (shape === 'bent') {
		// A gently bent frontage: extra vertices along the south edge (a curving road).
		const n = rng.int(3, 6);
		const bow = rng.range(3, 9);
		const south: [number, number][] = [];
		for (let i = 0; i <= n; i++) {
			const t = i / n;
			south.push([x0 + w * t, y0 + bow * Math.sin(Math.PI * t)]);
		}
		ring = [...south, [x1, y1], [x0, y1]];
	} else {
		ring = rect(x0, y0, x1, y1);
	}
	return ring.map(([x, y]) => [x + j(), y + j()]);
}

// ------------------------------------------------------------------ helpers

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞'];
const FIRM_WORDS: readonly (readonly [string, string])[] = [
	['华泰', 'Huatai'],
	['鲁胜', 'Lusheng'],
	['黄河', 'Yellow River'],
	['渤海', 'Bohai'],
	['东明', 'Dongming'],
	['盛华', 'Shenghua'],
	['科瑞', 'Kerui'],
	['海科', 'Haike'],
	['万达', 'Wanda'],
	['国瓷', 'Guoci'],
	['方圆', 'Fangyuan'],
	['齐鲁', 'Qilu'],
	['宏远', 'Hongyuan'],
	['新华', 'Xinhua'],
	['天信', 'Tianxin'],
	['金岭', 'Jinling'],
	['正和', 'Zhenghe'],
	['利华', 'Lihua'],
	['恒丰', 'Hengfeng'],
	['胜通', 'Shengtong']
];

/** The sample chains' deliberate gaps: a link with no firm (补链) or one small firm (强链). */
export const CHAIN_GAPS: Record<string, 'missing' | 'weak'> = {
	fc_device: 'missing',
	re_converter: 'weak',
	hf_precursor: 'missing',
	ac_resin: 'weak',
	cu_foil: 'missing',
	rw_axle: 'missing'
};

export function isoDate(d: Date): string {
	return d.toISOString().slice(0, 10);
}

export function addDays(d: Date, days: number): Date {
	return new Date(d.getTime() + days * 86400_000);
}

function round(v: number, decimals = 0): number {
	const f = 10 ** decimals;
	return Math.round(v * f) / f;
}

export function phone(rng: Random): string {
	return `0546-${rng.int(7000000, 8999999)}`;
}

export function personName(rng: Random): string {
	return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.5) ? rng.pick(GIVEN) : '');
}

// ------------------------------------------------------------------ generator

export function generateSampleZone(options: { seed?: number; asOf?: string } = {}): SampleZone {
	const seed = options.seed ?? SAMPLE_SEED;
	const asOf = options.asOf ?? '2026-11-01';
	const today = new Date(`${asOf}T00:00:00Z`);
	const rng = new Random(seed);
	const chainByCode = new Map(CHAINS.map((c) => [c.code, c]));

	const parks: SamplePark[] = [];
	const plots: SamplePlot[] = [];
	const buildings: SampleBuilding[] = [];
	const enterprises: SampleEnterprise[] = [];
	const roads: SampleRoad[] = [];
	/** Road nodes at each park's four gates, for the arterial network. */
	const gates = new Map<string, Record<'w' | 'e' | 's' | 'n', Position>>();
	/** Plots fit for offices, per park, to place towers on. */
	const officePlots: { plot: SamplePlot; frame: LocalFrame; cx: number; cy: number; w: number; h: number }[] = [];
	const factoryPlots: typeof officePlots = [];
	const firmNames = new Set<string>();

	function firmName(chain: ChainDef | undefined, linkNameZh: string, linkNameEn: string): { zh: string; en: string } {
		for (let attempt = 0; ; attempt++) {
			const [wz, we] = rng.pick(FIRM_WORDS);
			const suffix = attempt > 3 ? String(attempt) : '';
			const zh = `东营${wz}${linkNameZh.replace(/[／/].*$/, '')}${suffix}有限公司`;
			const en = `Dongying ${we} ${linkNameEn.split(' and ')[0]}${suffix ? ' ' + suffix : ''} Co., Ltd.`;
			if (!firmNames.has(zh)) {
				firmNames.add(zh);
				void chain;
				return { zh, en };
			}
		}
	}

	for (const spec of PARK_SPECS) {
		const frame = localFrame(spec.center, spec.rotationDeg);
		const { cols, rows, halfW, halfH } = parkGrid(spec);
		// Park boundary: the block grid plus a margin, with one corner cut off.
		const m = 40;
		const cut = rng.range(150, 320);
		const boundaryRing: [number, number][] = [
			[-halfW - m, -halfH - m],
			[halfW + m - cut, -halfH - m],
			[halfW + m, -halfH - m + cut],
			[halfW + m, halfH + m],
			[-halfW - m, halfH + m]
		];
		const contact = personName(rng);
		parks.push({
			code: spec.code,
			nameZh: spec.nameZh,
			nameEn: spec.nameEn,
			kind: 'industrial_park',
			parent: null,
			boundary: toMultiPolygon(frame, boundaryRing),
			operatorZh: spec.operatorZh,
			operatorEn: spec.operatorEn,
			contactName: contact,
			contactPhone: phone(rng),
			contactEmail: `invest-${spec.code.toLowerCase()}@example.org`,
			profileZh: spec.profileZh,
			profileEn: spec.profileEn,
			industries: spec.industries.map((code, i) => ({ code, leading: i === 0 })),
			chains: spec.chains,
			disposalTargetMu: spec.disposalTargetMu,
			published: true
		});
		gates.set(spec.code, {
			w: frame.toLonLat(-halfW - m - 60, 0),
			e: frame.toLonLat(halfW + m + 60, 0),
			s: frame.toLonLat(0, -halfH - m - 60),
			n: frame.toLonLat(0, halfH + m + 60)
		});

		// Internal street grid, noded at every crossing so that a router can use it.
		const xs = Array.from({ length: cols + 1 }, (_, i) => -halfW + i * BLOCK_W);
		const ys = Array.from({ length: rows + 1 }, (_, j) => -halfH + j * BLOCK_H);
		const midCol = Math.round(cols / 2);
		const midRow = Math.round(rows / 2);
		for (let j = 0; j < ys.length; j++) {
			const isMain = j === midRow;
			for (let i = 0; i < xs.length - 1; i++) {
				roads.push(
					street(frame, [xs[i], ys[j]], [xs[i + 1], ys[j]], isMain ? 'secondary' : 'local', `${spec.nameZh}${j + 1}号路`, `${spec.code} Road ${j + 1}`)
				);
			}
		}
		for (let i = 0; i < xs.length; i++) {
			const isMain = i === midCol;
			for (let j = 0; j < ys.length - 1; j++) {
				roads.push(
					street(frame, [xs[i], ys[j]], [xs[i], ys[j + 1]], isMain ? 'secondary' : 'local', `${spec.nameZh}${i + 1}号街`, `${spec.code} Street ${i + 1}`)
				);
			}
		}
		// Gate connectors from the middle grid lines out to the gates.
		const gx = xs[midCol];
		const gy = ys[midRow];
		roads.push(street(frame, [-halfW, gy], [-halfW - m - 60, 0], 'secondary', `${spec.nameZh}西门路`, `${spec.code} West Gate Rd`));
		roads.push(street(frame, [halfW, gy], [halfW + m + 60, 0], 'secondary', `${spec.nameZh}东门路`, `${spec.code} East Gate Rd`));
		roads.push(street(frame, [gx, -halfH], [0, -halfH - m - 60], 'secondary', `${spec.nameZh}南门路`, `${spec.code} South Gate Rd`));
		roads.push(street(frame, [gx, halfH], [0, halfH + m + 60], 'secondary', `${spec.nameZh}北门路`, `${spec.code} North Gate Rd`));

		// Blocks and plots.
		const cells: BlockCell[] = [];
		for (let r = 0; r < rows; r++)
			for (let c = 0; c < cols; c++) {
				cells.push({
					x0: -halfW + c * BLOCK_W + ROAD_W / 2,
					y0: -halfH + r * BLOCK_H + ROAD_W / 2,
					x1: -halfW + (c + 1) * BLOCK_W - ROAD_W / 2,
					y1: -halfH + (r + 1) * BLOCK_H - ROAD_W / 2,
					row: r,
					col: c
				});
			}
		let seq = 0;
		for (const cell of cells) {
			// The corner cut leaves the north-east... south-east corner outside the boundary: skip blocks there.
			if (cell.x1 > halfW + m - cut - 10 && cell.y0 < -halfH - m + cut + 10) continue;
			const blockCode = `${String.fromCharCode(65 + cell.row)}${String(cell.col + 1).padStart(2, '0')}`;
			const pieces = splitBlock(rng, cell);
			let n = 0;
			for (const [x0, y0, x1, y1] of pieces) {
				n++;
				seq++;
				const setback = 4;
				const ring = plotShape(rng, x0 + setback, y0 + setback, x1 - setback, y1 - setback);
				const plot = makePlot(rng, spec, `${spec.code}-${blockCode}-${String(n).padStart(2, '0')}`, toMultiPolygon(frame, ring), today);
				plots.push(plot);
				const entry = { plot, frame, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, w: x1 - x0 - 2 * setback, h: y1 - y0 - 2 * setback };
				if ((plot.landUse === 'office' || plot.landUse === 'commercial' || plot.landUse === 'mixed') && plot.supplyStatus === 'in_production')
					officePlots.push(entry);
				if (plot.landUse === 'industrial' && plot.supplyStatus === 'in_production' && entry.w > 70 && entry.h > 60) factoryPlots.push(entry);
			}
		}
		void seq;
	}

	// A park within a park: the rare-earth catalysis cluster inside the new-materials park.
	{
		const spec = PARK_SPECS[0];
		const frame = localFrame(spec.center, spec.rotationDeg);
		const { halfW, halfH } = parkGrid(spec);
		const ring = rect(-halfW + 10, halfH - 2 * BLOCK_H + 10, -halfW + 2 * BLOCK_W - 10, halfH - 10);
		parks.push({
			code: 'NM-RE',
			nameZh: '稀土催化材料园中园',
			nameEn: 'Rare-Earth Catalysis Park-in-Park',
			kind: 'park_in_park',
			parent: 'NM',
			boundary: toMultiPolygon(frame, ring),
			operatorZh: '东营稀土新材料运营有限公司（示例）',
			operatorEn: 'Dongying Rare-Earth Materials Operations Co. (sample)',
			contactName: personName(rng),
			contactPhone: phone(rng),
			contactEmail: 'invest-nm-re@example.org',
			profileZh: '由龙头企业运营的稀土催化材料专业园中园，配套检测与中试平台。',
			profileEn: 'A specialised park-within-a-park for rare-earth catalysts, run by a lead firm, with testing and pilot lines.',
			industries: [{ code: 'new_materials', leading: true }],
			chains: ['rare_earth_catalysis'],
			disposalTargetMu: null,
			published: true
		});
	}

	// ---------------------------------------------------------------- buildings
	const officeCount = 42;
	const officeTotalM2 = 1_400_000;
	const officeSites = rng.sample(officePlots, Math.min(officeCount, officePlots.length));
	// Towers on the same plot are placed side by side, so allow a second tower per plot if short of plots.
	while (officeSites.length < officeCount) officeSites.push(rng.pick(officePlots));
	const rawGross = officeSites.map(() => rng.range(12_000, 60_000));
	const scale = officeTotalM2 / rawGross.reduce((s, v) => s + v, 0);
	const towersOnPlot = new Map<string, number>();
	officeSites.forEach((site, i) => {
		const gross = round(rawGross[i] * scale, 0);
		const floors = Math.max(6, Math.min(45, Math.round(gross / rng.range(1100, 1900))));
		const k = towersOnPlot.get(site.plot.code) ?? 0;
		towersOnPlot.set(site.plot.code, k + 1);
		const footprintM2 = gross / floors;
		const side = Math.sqrt(footprintM2);
		const bw = Math.min(side * rng.range(1.0, 1.4), site.w * 0.42);
		const bh = Math.min(footprintM2 / bw, site.h * 0.8);
		const offset = k === 0 ? -site.w * 0.22 : site.w * 0.22;
		const cx = site.cx + offset;
		const footprint = toMultiPolygon(site.frame, rect(cx - bw / 2, site.cy - bh / 2, cx + bw / 2, site.cy + bh / 2));
		const code = `B-${site.plot.park}-${String(i + 1).padStart(3, '0')}`;
		const [wz, we] = FIRM_WORDS[i % FIRM_WORDS.length];
		const suffixZh = rng.pick(['大厦', '中心', '国际广场', '科技大厦', '金融中心']);
		const suffixEn = { 大厦: 'Tower', 中心: 'Centre', 国际广场: 'International Plaza', 科技大厦: 'Tech Tower', 金融中心: 'Financial Centre' }[suffixZh]!;
		const leasable = round(gross * rng.range(0.72, 0.82), 0);
		const targetRate = Math.max(0.15, Math.min(0.98, rng.normal(0.6, 0.17)));
		const units = makeUnits(rng, floors, leasable, rng.int(3, 8), targetRate, ['modern_services', 'digital_economy', 'new_materials', 'aerospace']);
		const taxTier = rng.weighted([
			['none', 0.5],
			['over_10m', 0.25],
			['over_50m', 0.12],
			['over_100m', 0.13]
		] as const);
		buildings.push({
			code,
			park: site.plot.park,
			plot: site.plot.code,
			nameZh: `${wz}${suffixZh}`,
			nameEn: `${we} ${suffixEn}`,
			footprint,
			kind: rng.chance(0.1) ? 'incubator' : rng.chance(0.15) ? 'commercial' : 'office',
			floors,
			grossAreaM2: gross,
			leasableAreaM2: leasable,
			rentYuanPerM2Day: round(rng.range(0.9, 2.6), 2),
			ownerName: `东营${wz}置业有限公司`,
			operatorName: rng.chance(0.5) ? `${wz}物业服务有限公司` : `东营${wz}置业有限公司`,
			businessFormats: rng.sample(['金融', '科技研发', '商务服务', '总部经济', '电子商务', '人力资源', '法律咨询', '文化创意'], rng.int(2, 3)),
			taxTier,
			completedYear: rng.int(2008, 2024),
			units,
			published: rng.chance(0.97),
			confirmedDaysAgo: confirmedAge(rng)
		});
	});
	// Buildings with towers of the first pass named uniquely (two towers may share a word).
	dedupeNames(buildings);

	// Standard factories for lease in the industrial parks.
	const factorySites = rng.sample(factoryPlots, Math.min(16, factoryPlots.length));
	factorySites.forEach((site, i) => {
		const floors = rng.int(1, 4);
		const bw = Math.min(site.w * 0.7, rng.range(50, 110));
		const bh = Math.min(site.h * 0.6, rng.range(36, 72));
		const footprint = toMultiPolygon(site.frame, rect(site.cx - bw / 2, site.cy - bh / 2, site.cx + bw / 2, site.cy + bh / 2));
		const gross = round(bw * bh * floors, 0);
		const leasable = round(gross * 0.92, 0);
		const rate = Math.max(0.2, Math.min(1, rng.normal(0.7, 0.2)));
		const park = PARK_SPECS.find((p) => p.code === site.plot.park)!;
		buildings.push({
			code: `F-${site.plot.park}-${String(i + 1).padStart(3, '0')}`,
			park: site.plot.park,
			plot: site.plot.code,
			nameZh: `${park.nameZh}标准厂房${i + 1}号`,
			nameEn: `${park.nameEn} Standard Factory ${i + 1}`,
			footprint,
			kind: 'standard_factory',
			floors,
			grossAreaM2: gross,
			leasableAreaM2: leasable,
			rentYuanPerM2Day: round(rng.range(0.35, 0.8), 2),
			ownerName: park.operatorZh,
			operatorName: park.operatorZh,
			businessFormats: ['生产制造', '中试'],
			taxTier: 'none',
			completedYear: rng.int(2012, 2025),
			units: makeUnits(rng, floors, leasable, rng.int(1, 3), rate, park.industries),
			published: true,
			confirmedDaysAgo: confirmedAge(rng)
		});
	});

	// ---------------------------------------------------------------- enterprises
	// Land that has been sold belongs to the firm that bought it.
	for (const plot of plots) {
		if (plot.supplyStatus !== 'signed' && plot.supplyStatus !== 'under_construction') continue;
		const spec = PARK_SPECS.find((p) => p.code === plot.park)!;
		const chain = chainByCode.get(rng.pick(spec.chains))!;
		const link = rng.pick(chain.links);
		plot.ownerName = firmName(chain, link.nameZh, link.nameEn).zh;
	}
	for (const plot of plots) {
		if (plot.supplyStatus !== 'in_production') continue;
		const spec = PARK_SPECS.find((p) => p.code === plot.park)!;
		const chain = chainByCode.get(rng.pick(spec.chains))!;
		const link = rng.pick(chain.links);
		const name = firmName(chain, link.nameZh, link.nameEn);
		plot.ownerName = name.zh;
		const c = centroidOf(plot.boundary);
		enterprises.push({
			nameZh: name.zh,
			nameEn: name.en,
			industry: chain.industry,
			link: link.code,
			plot: plot.code,
			building: null,
			location: c,
			employees: rng.int(30, 1800),
			outputBand: rng.pick(['lt_10m', '10m_100m', '100m_1b', 'gt_1b']),
			taxBand: rng.pick(['lt_10m', '10m_100m', '100m_1b']),
			marks: rng.sample(
				['listed', 'single_champion', 'fortune500_sub', 'high_tech', 'specialised_sme'],
				rng.weighted([
					[0, 0.55],
					[1, 0.35],
					[2, 0.1]
				] as const)
			)
		});
	}
	for (const b of buildings) {
		if (b.kind === 'standard_factory') continue;
		const tenants = rng.int(1, 3);
		for (let t = 0; t < tenants; t++) {
			const chain = chainByCode.get(rng.pick(['industrial_internet', 'port_logistics', 'industrial_internet']))!;
			const link = rng.pick(chain.links);
			const name = firmName(chain, link.nameZh, link.nameEn);
			const c = centroidOf(b.footprint);
			enterprises.push({
				nameZh: name.zh,
				nameEn: name.en,
				industry: chain.industry,
				link: link.code,
				plot: null,
				building: b.code,
				location: c,
				employees: rng.int(10, 600),
				outputBand: rng.pick(['lt_10m', '10m_100m', '100m_1b']),
				taxBand: rng.pick(['lt_10m', '10m_100m']),
				marks: rng.chance(0.3) ? ['high_tech'] : []
			});
		}
	}

	// ---------------------------------------------------------------- the chains' deliberate gaps
	// Each material chain and the wheelset chain lacks a link (补链) or has one small firm in it
	// (强链), as a real zone's chain map does: the firms the draw put there move to the next link
	// (the one before, for the last link), named for it; no random draw, so the rest stays as it was.
	for (const [code, gap] of Object.entries(CHAIN_GAPS)) {
		const chain = CHAINS.find((c) => c.links.some((l) => l.code === code))!;
		const at = chain.links.findIndex((l) => l.code === code);
		const from = chain.links[at];
		const to = chain.links[at + 1] ?? chain.links[at - 1];
		const here = enterprises.filter((e) => e.link === code);
		for (const [i, e] of here.entries()) {
			if (gap === 'weak' && i === 0) {
				Object.assign(e, { employees: 45, outputBand: 'lt_10m', taxBand: 'lt_10m', marks: [] });
				continue;
			}
			const zh = e.nameZh.replace(from.nameZh.replace(/[／/].*$/, ''), to.nameZh.replace(/[／/].*$/, ''));
			const named = firmNames.has(zh) ? zh.replace('有限公司', `${i + 2}有限公司`) : zh;
			firmNames.add(named);
			for (const p of plots) if (p.ownerName === e.nameZh) p.ownerName = named;
			Object.assign(e, { link: to.code, nameZh: named, nameEn: e.nameEn.replace(from.nameEn.split(' and ')[0], to.nameEn.split(' and ')[0]) });
		}
	}

	// ---------------------------------------------------------------- facilities
	const facilities: SampleFacility[] = [
		{
			code: 'port-guangli',
			kind: 'port',
			nameZh: '东营港广利港区（示意）',
			nameEn: 'Dongying Port, Guangli terminal (schematic)',
			location: [118.795, 37.592]
		},
		{ code: 'airport-shengli', kind: 'airport', nameZh: '东营胜利机场', nameEn: 'Dongying Shengli Airport', location: [118.788, 37.509] },
		{ code: 'rail-dongying-south', kind: 'rail_station', nameZh: '东营南站', nameEn: 'Dongying South Railway Station', location: [118.566, 37.396] },
		{ code: 'rail-dongying', kind: 'rail_station', nameZh: '东营站', nameEn: 'Dongying Railway Station', location: [118.54, 37.435] },
		{ code: 'hx-g25-south', kind: 'highway_exit', nameZh: '长深高速东营南出口', nameEn: 'G25 Dongying South exit', location: [118.432, 37.36] },
		{ code: 'hx-g25-central', kind: 'highway_exit', nameZh: '长深高速东营出口', nameEn: 'G25 Dongying exit', location: [118.432, 37.45] },
		{ code: 'hx-g25-north', kind: 'highway_exit', nameZh: '长深高速垦利出口', nameEn: 'G25 Kenli exit', location: [118.432, 37.545] },
		{ code: 'hx-s316-east', kind: 'highway_exit', nameZh: '东港高速临空出口', nameEn: 'Donggang Expressway Airport exit', location: [118.7, 37.5] },
		{
			code: 'uni-upc',
			kind: 'university',
			nameZh: '石油大学东营校区（示意）',
			nameEn: 'Petroleum University, Dongying campus (schematic)',
			location: [118.548, 37.468]
		},
		{ code: 'uni-vocational', kind: 'university', nameZh: '东营职业学院', nameEn: 'Dongying Vocational Institute', location: [118.61, 37.448] },
		{
			code: 'ri-materials',
			kind: 'research_institute',
			nameZh: '新材料研究院（示例）',
			nameEn: 'New Materials Research Institute (sample)',
			location: [118.522, 37.418]
		},
		{
			code: 'ri-aviation',
			kind: 'research_institute',
			nameZh: '通航技术研究中心（示例）',
			nameEn: 'General Aviation Technology Centre (sample)',
			location: [118.745, 37.532]
		},
		{ code: 'inc-se', kind: 'incubator', nameZh: '科教园创业孵化中心', nameEn: 'Science Park Start-up Incubator', location: [118.597, 37.483] },
		{ code: 'gov-service', kind: 'government', nameZh: '投资促进服务中心', nameEn: 'Investment Promotion Service Centre', location: [118.575, 37.452] },
		{ code: 'hotel-blue-ocean', kind: 'hotel', nameZh: '蓝海国际大饭店', nameEn: 'Blue Ocean International Hotel', location: [118.585, 37.44] }
	];

	// ---------------------------------------------------------------- arterial network
	const g = (code: string, side: 'w' | 'e' | 's' | 'n') => gates.get(code)![side];
	const hub: Position = [118.58, 37.438];
	const ART = (nameZh: string, nameEn: string, cls: RoadClass, speed: number, ...pts: Position[]) =>
		roads.push({ nameZh, nameEn, roadClass: cls, oneway: false, speedKmh: speed, geom: { type: 'LineString', coordinates: pts } });
	// G25 expressway running north–south along the west, through its exits.
	const g25: Position[] = [[118.432, 37.3], facilities[4].location, facilities[5].location, facilities[6].location, [118.432, 37.6]];
	for (let i = 0; i < g25.length - 1; i++) ART('长深高速', 'G25 Changshen Expressway', 'expressway', 110, g25[i], g25[i + 1]);
	const airportExit = facilities[7].location;
	ART('东港高速', 'Donggang Expressway', 'expressway', 100, facilities[5].location, [118.55, 37.49], airportExit);
	ART('东港高速', 'Donggang Expressway', 'expressway', 100, airportExit, [118.76, 37.49], [118.82, 37.48]);
	// Arterials between exits, parks, the hub and facilities.
	ART('南一路', 'Nanyi Road', 'arterial', 60, facilities[4].location, [118.46, 37.4], g('NM', 'w'));
	ART('南一路', 'Nanyi Road', 'arterial', 60, g('NM', 'e'), facilities[2].location, g('TE', 'w'));
	ART('东三路', 'Dongsan Road', 'arterial', 60, g('TE', 'n'), [118.64, 37.4], hub);
	ART('府前大街', 'Fuqian Avenue', 'arterial', 60, facilities[5].location, [118.5, 37.446], facilities[3].location, hub);
	ART('西四路', 'Xisi Road', 'arterial', 60, g('NM', 'n'), [118.51, 37.43], facilities[3].location);
	ART('黄河路', 'Huanghe Road', 'arterial', 60, hub, facilities[14].location, facilities[13].location, g('SE', 's'));
	ART('北一路', 'Beiyi Road', 'arterial', 60, g('SE', 'w'), facilities[8].location, [118.5, 37.47], [118.46, 37.5], facilities[6].location);
	ART('北二路', 'Beier Road', 'arterial', 60, g('SE', 'e'), [118.64, 37.49], airportExit, g('AV', 'w'));
	ART('机场路', 'Airport Road', 'arterial', 60, g('AV', 'e'), facilities[1].location);
	ART('港城大道', 'Port City Avenue', 'arterial', 60, g('AV', 'n'), [118.74, 37.55], g('PL', 's'));
	ART('港城大道', 'Port City Avenue', 'arterial', 60, g('PL', 'e'), facilities[0].location);
	ART('垦利大道', 'Kenli Avenue', 'arterial', 60, g('SE', 'n'), [118.62, 37.53], [118.68, 37.575], g('PL', 'w'));
	ART('东营南站路', 'South Station Road', 'secondary', 50, facilities[2].location, g('SE', 's'));
	ART('科研路', 'Keyan Road', 'secondary', 40, g('NM', 'n'), facilities[10].location);
	ART('孵化路', 'Fuhua Road', 'secondary', 40, g('SE', 'e'), facilities[12].location);
	ART('学院路', 'Xueyuan Road', 'secondary', 40, hub, facilities[9].location, g('SE', 's'));
	ART('航研路', 'Hangyan Road', 'secondary', 40, g('AV', 'n'), facilities[11].location);

	nodeAtGradeCrossings(roads);

	// ---------------------------------------------------------------- water (schematic)
	const water: SampleWater[] = [
		{
			nameZh: '黄河（示意）',
			nameEn: 'Yellow River (schematic)',
			geom: riverPolygon(
				[
					[118.36, 37.52],
					[118.45, 37.565],
					[118.53, 37.61],
					[118.62, 37.64],
					[118.7, 37.66],
					[118.82, 37.7],
					[118.92, 37.74]
				],
				260
			)
		},
		{
			nameZh: '广利河（示意）',
			nameEn: 'Guangli River (schematic)',
			geom: riverPolygon(
				[
					[118.4, 37.43],
					[118.48, 37.425],
					[118.55, 37.428],
					[118.62, 37.42],
					[118.7, 37.41],
					[118.8, 37.395],
					[118.9, 37.38]
				],
				70
			)
		},
		{
			nameZh: '清风湖（示意）',
			nameEn: 'Qingfeng Lake (schematic)',
			geom: lakePolygon([118.6, 37.458], 420, 300)
		}
	];

	// ---------------------------------------------------------------- projects in every stage
	const projects: SampleProject[] = [];
	const stagePlots: Record<ProjectStage, SupplyStatus[]> = {
		lead: ['available', 'reserve'],
		negotiation: ['negotiating'],
		signed: ['signed'],
		construction: ['under_construction'],
		production: ['in_production'],
		feedback: ['in_production']
	};
	const used = new Set<string>();
	for (const stage of ['lead', 'negotiation', 'signed', 'construction', 'production', 'feedback'] as const) {
		const candidates = plots.filter((p) => stagePlots[stage].includes(p.supplyStatus) && !used.has(p.code));
		for (const plot of rng.sample(candidates, 5)) {
			used.add(plot.code);
			const spec = PARK_SPECS.find((p) => p.code === plot.park)!;
			const chain = chainByCode.get(rng.pick(spec.chains))!;
			const link = rng.pick(chain.links);
			const investment = round(rng.range(5_000, 120_000), -2);
			const lead = addDays(today, -rng.int(400, 1400));
			const stageIdx = ['lead', 'negotiation', 'signed', 'construction', 'production', 'feedback'].indexOf(stage);
			const signedAt = stageIdx >= 2 ? addDays(lead, rng.int(60, 200)) : null;
			const startedAt = signedAt && stageIdx >= 3 ? addDays(signedAt, rng.int(60, 240)) : null;
			const productionAt = startedAt && stageIdx >= 4 ? addDays(startedAt, rng.int(200, 500)) : null;
			const funds = stageIdx >= 3 ? round(investment * rng.range(0.2, 0.95), -1) : 0;
			const investor = firmName(chain, link.nameZh, link.nameEn);
			projects.push({
				nameZh: `${link.nameZh}项目（${plot.code}）`,
				nameEn: `${link.nameEn} project (${plot.code})`,
				investorName: investor.zh,
				industry: chain.industry,
				link: link.code,
				stage,
				plot: plot.code,
				investmentWan: investment,
				fundsInPlaceWan: funds,
				foreignCapitalUsd: rng.chance(0.25) ? round(rng.range(1, 40), 1) * 1_000_000 : 0,
				leadAt: isoDate(lead),
				signedAt: signedAt && signedAt < today ? isoDate(signedAt) : signedAt ? isoDate(addDays(today, -30)) : null,
				startedAt: startedAt && startedAt < today ? isoDate(startedAt) : startedAt ? isoDate(addDays(today, -20)) : null,
				productionAt: productionAt && productionAt < today ? isoDate(productionAt) : productionAt ? isoDate(addDays(today, -10)) : null
			});
		}
	}

	return {
		seed,
		asOf,
		industries: INDUSTRIES,
		chains: CHAINS,
		parks,
		plots,
		buildings,
		enterprises,
		facilities,
		roads,
		water,
		projects,
		disposalYear: today.getUTCFullYear()
	};
}

// ------------------------------------------------------------------ pieces

/**
 * Roads that cross at grade share a vertex there, as in OpenStreetMap, so that a router can
 * turn. Expressways cross other roads on bridges: they meet them only at their exits.
 */
function nodeAtGradeCrossings(roads: SampleRoad[]) {
	const r7 = (v: number) => Math.round(v * 1e7) / 1e7;
	const at = (a: Position, b: Position, c: Position, d: Position): Position | null => {
		const den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
		if (den === 0) return null;
		const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den;
		const u = ((c[0] - a[0]) * (b[1] - a[1]) - (c[1] - a[1]) * (b[0] - a[0])) / den;
		// Strictly inside both segments: crossings at end points or vertices are junctions already.
		const eps = 1e-9;
		if (t <= eps || t >= 1 - eps || u <= eps || u >= 1 - eps) return null;
		return [r7(a[0] + t * (b[0] - a[0])), r7(a[1] + t * (b[1] - a[1]))];
	};
	const atGrade = roads.filter((r) => r.roadClass !== 'expressway');
	for (let i = 0; i < atGrade.length; i++) {
		for (let j = i + 1; j < atGrade.length; j++) {
			const p = atGrade[i].geom.coordinates;
			const q = atGrade[j].geom.coordinates;
			for (let a = 0; a < p.length - 1; a++) {
				for (let b = 0; b < q.length - 1; b++) {
					const x = at(p[a], p[a + 1], q[b], q[b + 1]);
					if (!x) continue;
					p.splice(a + 1, 0, x);
					q.splice(b + 1, 0, x);
				}
			}
		}
	}
}

function street(frame: LocalFrame, a: [number, number], b: [number, number], cls: RoadClass, nameZh: string, nameEn: string): SampleRoad {
	return {
		nameZh,
		nameEn,
		roadClass: cls,
		oneway: false,
		speedKmh: cls === 'secondary' ? 40 : 30,
		geom: { type: 'LineString', coordinates: [frame.toLonLat(a[0], a[1]), frame.toLonLat(b[0], b[1])] }
	};
}

/** Splits a block into 1–4 plots of 40–330 m sides. */
function splitBlock(rng: Random, cell: BlockCell): [number, number, number, number][] {
	const w = cell.x1 - cell.x0;
	const h = cell.y1 - cell.y0;
	const layout = rng.weighted([
		['whole', 0.15],
		['halves', 0.35],
		['thirds', 0.2],
		['quarters', 0.3]
	] as const);
	if (layout === 'whole') return [[cell.x0, cell.y0, cell.x1, cell.y1]];
	if (layout === 'halves') {
		const t = rng.range(0.38, 0.62);
		const xm = cell.x0 + w * t;
		return [
			[cell.x0, cell.y0, xm, cell.y1],
			[xm, cell.y0, cell.x1, cell.y1]
		];
	}
	if (layout === 'thirds') {
		const a = cell.x0 + w * rng.range(0.28, 0.36);
		const b = cell.x0 + w * rng.range(0.62, 0.72);
		return [
			[cell.x0, cell.y0, a, cell.y1],
			[a, cell.y0, b, cell.y1],
			[b, cell.y0, cell.x1, cell.y1]
		];
	}
	const xm = cell.x0 + w * rng.range(0.4, 0.6);
	const ym = cell.y0 + h * rng.range(0.4, 0.6);
	return [
		[cell.x0, cell.y0, xm, ym],
		[xm, cell.y0, cell.x1, ym],
		[cell.x0, ym, xm, cell.y1],
		[xm, ym, cell.x1, cell.y1]
	];
}

function confirmedAge(rng: Random): number {
	// Most records confirmed recently; a tail that has gone stale (>90 days) and a few very stale (>180).
	return rng.weighted([
		[rng.int(0, 30), 0.55],
		[rng.int(31, 89), 0.3],
		[rng.int(90, 179), 0.1],
		[rng.int(180, 400), 0.05]
	] as const);
}

const STATUS_MIX: readonly (readonly [SupplyStatus, number])[] = [
	['reserve', 0.12],
	['available', 0.3],
	['negotiating', 0.08],
	['signed', 0.08],
	['under_construction', 0.12],
	['in_production', 0.3]
];

function makePlot(rng: Random, spec: ParkSpec, code: string, boundary: MultiPolygon, today: Date): SamplePlot {
	const landUse = rng.weighted(spec.landUses);
	const status = rng.weighted(STATUS_MIX);
	const industrial = landUse === 'industrial' || landUse === 'logistics';
	const serviced = status !== 'reserve' ? rng.chance(0.85) : rng.chance(0.3);
	const items: ReadinessItem[] = serviced
		? READINESS_ITEMS.filter((it) => !['gas', 'heating', 'cable_tv'].includes(it) || rng.chance(0.7))
		: READINESS_ITEMS.filter((it) => ['road', 'power'].includes(it) && rng.chance(0.6));
	const ratioMin = industrial ? round(rng.pick([0.8, 1.0, 1.2]), 1) : round(rng.pick([1.5, 2.0, 2.5]), 1);
	const ratioMax = round(ratioMin + (industrial ? rng.pick([0.8, 1.0, 1.5]) : rng.pick([1.5, 2.5, 3.5])), 1);
	const onSale = status === 'reserve' || status === 'available';
	const started = status === 'under_construction' || status === 'in_production';

	let isIdle = false;
	let isLow = false;
	let disposalMethod: string | null = null;
	let disposalDeadline: string | null = null;
	let agreedStartDate: string | null = null;
	let builtRatio: number | null = null;
	let investedRatio: number | null = null;
	if (status === 'signed' || status === 'under_construction' || status === 'in_production') {
		agreedStartDate = isoDate(addDays(today, -rng.int(60, 1500)));
	}
	if (status === 'signed' && rng.chance(0.35)) {
		// Signed but never started, more than a year past the agreed date: idle land.
		agreedStartDate = isoDate(addDays(today, -rng.int(400, 1100)));
		isIdle = true;
		disposalMethod = rng.pick(['urge_start', 'idle_fee', 'recovery']);
	}
	if (status === 'under_construction') {
		builtRatio = round(rng.range(0.05, 0.9), 2);
		investedRatio = round(Math.min(1, builtRatio + rng.range(-0.05, 0.2)), 2);
		if (builtRatio < 1 / 3 && rng.chance(0.45)) {
			isIdle = true;
			disposalMethod = rng.pick(['urge_start', 'idle_fee', 'swap']);
		}
	}
	let tax: number | null = null;
	let output: number | null = null;
	if (status === 'in_production') {
		builtRatio = 1;
		investedRatio = 1;
		output = round(rng.range(80, 900), 0);
		tax = round(rng.range(3, 60), 1);
		if (tax < 10 && rng.chance(0.7)) {
			isLow = true;
			disposalMethod = rng.pick(['redevelopment', 'transfer', 'swap']);
		}
	}
	if (disposalMethod) disposalDeadline = isoDate(addDays(today, rng.int(60, 540)));
	const suited = industrial
		? rng.chance(0.3)
			? [...spec.industries]
			: [spec.industries[0]]
		: rng.sample(['modern_services', 'digital_economy'], rng.int(1, 2));
	return {
		code,
		park: spec.code,
		boundary,
		landUse,
		plotRatioMin: ratioMin,
		plotRatioMax: ratioMax,
		buildingDensityMax: industrial ? round(rng.range(0.4, 0.6), 2) : round(rng.range(0.3, 0.45), 2),
		greenRatioMax: industrial ? round(rng.range(0.1, 0.2), 2) : round(rng.range(0.25, 0.35), 2),
		heightLimitM: industrial ? rng.pick([24, 30, 36, 50]) : rng.pick([60, 80, 100, 150]),
		leaseTermYears: industrial ? 50 : landUse === 'commercial' ? 40 : 50,
		priceWanPerMu: industrial ? round(rng.range(12, 28), 1) : round(rng.range(45, 180), 0),
		readiness: serviced ? 'serviced' : 'raw',
		readinessItems: items,
		supplyStatus: status,
		isIdle,
		isLowEfficiency: isLow,
		disposalMethod,
		disposalDeadline,
		agreedStartDate,
		builtRatio: started || status === 'signed' ? builtRatio : null,
		investedRatio: started || status === 'signed' ? investedRatio : null,
		ownerName: spec.operatorZh,
		contactName: personName(rng),
		contactPhone: phone(rng),
		availableFrom: onSale ? isoDate(addDays(today, status === 'available' ? -rng.int(0, 300) : rng.int(30, 400))) : null,
		taxPerMuWan: tax,
		outputPerMuWan: output,
		industries: suited,
		published: rng.chance(0.97),
		confirmedDaysAgo: confirmedAge(rng)
	};
}

function makeUnits(rng: Random, floors: number, leasableM2: number, perFloor: number, rate: number, industries: string[]): SampleUnit[] {
	const units: SampleUnit[] = [];
	const perFloorM2 = leasableM2 / floors;
	for (let f = 1; f <= floors; f++) {
		const weights = Array.from({ length: perFloor }, () => rng.range(0.6, 1.4));
		const total = weights.reduce((s, v) => s + v, 0);
		let assigned = 0;
		weights.forEach((w, i) => {
			// The last unit takes the remainder so a floor adds up exactly.
			const area = i === perFloor - 1 ? round(perFloorM2 - assigned, 1) : round((perFloorM2 * w) / total, 1);
			assigned += area;
			const status: UnitStatus = rng.chance(rate) ? 'leased' : rng.chance(0.12) ? 'reserved' : 'vacant';
			units.push({
				floor: f,
				unitNo: `${f}${String(i + 1).padStart(2, '0')}`,
				areaM2: area,
				status,
				tenantIndustry: status === 'leased' ? rng.pick(industries) : null
			});
		});
	}
	return units;
}

function dedupeNames(list: SampleBuilding[]) {
	const seen = new Map<string, number>();
	for (const b of list) {
		const n = (seen.get(b.nameZh) ?? 0) + 1;
		seen.set(b.nameZh, n);
		if (n > 1) {
			b.nameZh = `${b.nameZh}${['', '', '二期', '三期', '四期', '五期'][n] ?? `${n}期`}`;
			b.nameEn = `${b.nameEn} Phase ${n}`;
		}
	}
}

function centroidOf(mp: MultiPolygon): Position {
	const ring = mp.coordinates[0][0];
	let x = 0;
	let y = 0;
	const n = ring.length - 1;
	for (let i = 0; i < n; i++) {
		x += ring[i][0];
		y += ring[i][1];
	}
	return [Math.round((x / n) * 1e7) / 1e7, Math.round((y / n) * 1e7) / 1e7];
}

/** A river as a polygon: the centre line buffered by half its width (metres), in a local frame. */
function riverPolygon(line: Position[], widthM: number): Polygon {
	const frame = localFrame(line[0]);
	const pts = line.map((p) => frame.toLocal(p));
	const left: [number, number][] = [];
	const right: [number, number][] = [];
	for (let i = 0; i < pts.length; i++) {
		const a = pts[Math.max(0, i - 1)];
		const b = pts[Math.min(pts.length - 1, i + 1)];
		const dx = b[0] - a[0];
		const dy = b[1] - a[1];
		const len = Math.hypot(dx, dy) || 1;
		const nx = (-dy / len) * (widthM / 2);
		const ny = (dx / len) * (widthM / 2);
		left.push([pts[i][0] + nx, pts[i][1] + ny]);
		right.push([pts[i][0] - nx, pts[i][1] - ny]);
	}
	const ring = [...right, ...left.reverse()].map(([x, y]) => frame.toLonLat(x, y));
	return { type: 'Polygon', coordinates: [closeRing(ring)] };
}

function lakePolygon(center: Position, rx: number, ry: number): Polygon {
	const frame = localFrame(center);
	const ring: Position[] = [];
	for (let i = 0; i < 24; i++) {
		const a = (i / 24) * 2 * Math.PI;
		const wobble = 1 + 0.08 * Math.sin(3 * a);
		ring.push(frame.toLonLat(rx * wobble * Math.cos(a), ry * wobble * Math.sin(a)));
	}
	return { type: 'Polygon', coordinates: [closeRing(ring)] };
}
