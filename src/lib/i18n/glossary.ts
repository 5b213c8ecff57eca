/**
 * The zone's terms and how English writes them, once: every English string of the portal uses
 * these renderings (a unit test reads the catalogs for the spellings to avoid), and the
 * glossary page explains them to investors reading in either language.
 */
export interface GlossaryTerm {
	zh: string;
	en: string;
	/** What the term means, for a reader new to it. */
	explainZh: string;
	explainEn: string;
	/** Spellings English text must not use for this term (case-insensitive). */
	avoid: RegExp[];
}

export const GLOSSARY: GlossaryTerm[] = [
	{
		zh: '亩',
		en: 'mu',
		explainZh: '中国常用的土地面积单位，1 亩约合 666.67 平方米，15 亩为 1 公顷。',
		explainEn: 'The Chinese unit of land area: 1 mu is about 666.67 m², and 15 mu make a hectare.',
		avoid: [/\bmou\b/i]
	},
	{
		zh: '万元',
		en: 'CNY 10,000',
		explainZh: '金额单位，一万元人民币。',
		explainEn: 'Ten thousand yuan; the portal writes amounts in English in yuan (CNY), e.g. CNY 259,000/mu.',
		avoid: [/\b10k\b/i, /¥/, /\byuan\//i, /RMB/]
	},
	{
		zh: '亿元楼宇',
		en: 'CNY 100-million building',
		explainZh: '楼内企业年纳税额超过一亿元的楼宇。',
		explainEn: 'A building whose tenants pay over CNY 100 million of tax a year.',
		avoid: [/\b100 ?M CNY\b/i, /hundred million/i]
	},
	{
		zh: '容积率',
		en: 'plot ratio',
		explainZh: '地上总建筑面积与地块面积之比。',
		explainEn: 'Gross floor area above ground divided by the plot’s area (floor area ratio, FAR).',
		avoid: [/floor[- ]area ratio/i, /\bFAR\b/]
	},
	{
		zh: '建筑密度',
		en: 'building density',
		explainZh: '建筑物基底面积占地块面积的比例上限。',
		explainEn: 'The largest share of the plot that buildings may cover.',
		avoid: [/site coverage/i]
	},
	{
		zh: '绿地率',
		en: 'green ratio',
		explainZh: '绿地面积占地块面积的比例。',
		explainEn: 'The share of the plot kept green.',
		avoid: [/greening rate/i, /green space ratio/i]
	},
	{
		zh: '九通一平',
		en: 'nine connections and site levelling',
		explainZh: '通路、给水、排水、电、通信、燃气、热力、有线电视、宽带，并完成场地平整。',
		explainEn: 'Road, water supply, drainage, power, telecoms, gas, heating, cable TV and broadband connected, and the site levelled.',
		avoid: [/nine (?:links|accesses)/i, /9 accesses/i]
	},
	{
		zh: '生地 / 熟地',
		en: 'raw land / serviced land',
		explainZh: '生地未完成基础设施配套；熟地已通路通水通电并完成平整，可直接建设。',
		explainEn: 'Raw land has no infrastructure yet; serviced land is connected and levelled, ready to build on.',
		avoid: [/cooked land/i, /green land\b/i]
	},
	{
		zh: '园中园',
		en: 'park-within-a-park',
		explainZh: '由企业或运营机构在园区内运营的专业园区。',
		explainEn: 'A specialised park run by a company or operator inside a larger park.',
		avoid: [/park[- ]in[- ]park/i, /park within a park/i, /parks within a park/i]
	},
	{
		zh: '闲置土地 / 低效用地',
		en: 'idle land / low-efficiency land',
		explainZh: '闲置土地：约定开工日期满一年未动工，或开发面积不足三分之一（投资不足 25%）且停工满一年；低效用地：亩均税收或产值低于标准。',
		explainEn:
			'Idle land: not started a year after the agreed date, or less than a third built (or under 25 % invested) and stopped for a year. Low-efficiency land: tax or output per mu below the zone’s threshold.',
		avoid: [/unused land/i, /inefficient land/i, /low efficiency land/i]
	},
	{
		zh: '楼长',
		en: 'building officer',
		explainZh: '负责联系服务某栋楼宇的工作人员。',
		explainEn: 'The staff member who looks after one building and its tenants.',
		avoid: [/building manager/i, /building head/i]
	},
	{
		zh: '产业链 / 链节点',
		en: 'industry chain / chain link',
		explainZh: '从上游原料到下游产品的产业环节；链节点为其中一环。',
		explainEn: 'The steps of an industry from upstream materials to downstream products; a link is one step.',
		avoid: [/value chain link/i, /chain node/i]
	},
	{
		zh: '考察路线',
		en: 'inspection tour',
		explainZh: '为来访考察团安排的参观线路与日程。',
		explainEn: 'The route and timetable planned for a visiting delegation.',
		avoid: [/site visit route/i, /study tour/i]
	}
];
