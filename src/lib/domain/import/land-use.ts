/**
 * Land-use values as surveys write them, mapped to SiteAtlas's classes: the national land
 * classification codes (GB/T 21010-2017 and the 2020 用地用海分类, e.g. `1001` 工业用地), the
 * urban planning letters (GB 50137-2011, e.g. `M1`, `W2`, `B2`) and the names in Chinese and
 * English. A value that none of these name is listed as unknown in the dry run.
 */
import type { LandUse } from '../vocab';

/** Codes of GB/T 21010-2017 (4 digits, 06xx) and the 2020 classification (4–6 digits, 10xx). */
const CODES: [RegExp, LandUse][] = [
	// 2020 用地用海分类: 10 工矿用地 (1001 工业, 100101–100103 一至三类工业), 11 仓储 (1101 物流仓储), 09 商业服务业, 0802 科研
	[/^1001\d{0,2}$/, 'industrial'],
	[/^1101\d{0,2}$/, 'logistics'],
	[/^0902\d{0,2}$/, 'office'],
	[/^09(01|03|04)\d{0,2}$/, 'commercial'],
	[/^0802\d{0,2}$/, 'research'],
	// GB/T 21010-2017: 0601 工业, 0604 仓储, 0505 商务金融, 05xx 商服, 0805 科研 (2017 numbering)
	[/^0601$/, 'industrial'],
	[/^0604$/, 'logistics'],
	[/^0505$/, 'office'],
	[/^05(0[1-47])$/, 'commercial'],
	[/^0805$/, 'research'],
	// GB 50137-2011 planning letters
	[/^M0$/i, 'research'],
	[/^M[1-3]?$/i, 'industrial'],
	[/^W[1-3]?$/i, 'logistics'],
	[/^B2\d?$/i, 'office'],
	[/^B[1349]?\d?$/i, 'commercial'],
	[/^A35$/i, 'research'],
	[/^[A-Z]\d*\s*[/+]\s*[A-Z]\d*$/i, 'mixed']
];

const NAMES: [RegExp, LandUse][] = [
	[/混合|综合用地|mixed/i, 'mixed'],
	[/新型产业|研发|科研|科技|research|r&d/i, 'research'],
	[/物流|仓储|logistic|warehous|storage/i, 'logistics'],
	[/工业|工矿|厂|制造|industr|manufactur/i, 'industrial'],
	[/商务|办公|写字楼|金融|office|business/i, 'office'],
	[/商业|商服|零售|酒店|旅馆|餐饮|commerc|retail/i, 'commercial']
];

/** The land-use class a surveyed value names, or null when it names none of them. */
export function landUseOf(value: unknown): LandUse | null {
	if (value === null || value === undefined) return null;
	const v = String(value).trim();
	if (!v) return null;
	for (const [re, use] of CODES) if (re.test(v)) return use;
	for (const [re, use] of NAMES) if (re.test(v)) return use;
	return null;
}
