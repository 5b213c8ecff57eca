/**
 * The boards' charts as ECharts options — pure data → option, shared by the page (the browser
 * draws them, SVG) and the print view (the server renders the same option to SVG). Colours read
 * in greyscale print too: the target is dashed, stacked areas differ in lightness.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { translate, type Locale } from '../i18n';

export const STAGE_COLOURS = { suspected: '#d97706', confirmed: '#dc2626', disposing: '#2563eb', disposed: '#15803d' } as const;

/** The map's colour for a case plot by its `stage` property, in the same colours (a MapLibre expression). */
export const stageColourExpression = (): ExpressionSpecification => [
	'match',
	['get', 'stage'],
	'suspected',
	STAGE_COLOURS.suspected,
	'confirmed',
	STAGE_COLOURS.confirmed,
	'disposing',
	STAGE_COLOURS.disposing,
	STAGE_COLOURS.disposed
];

export interface ChartLabels {
	disposed: string;
	planned: string;
	unitMu: string;
	months: string[];
}

type Option = Record<string, unknown>;

const base = (animation: boolean): Option => ({
	animation,
	textStyle: { fontFamily: 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif' },
	grid: { left: 12, right: 16, top: 40, bottom: 12 }
});

/** Cumulative 亩 disposed by month against the straight line to the target. */
export function disposalOption(months: { month: number; disposedMu: number | null; plannedMu: number | null }[], l: ChartLabels, animation = true): Option {
	return {
		...base(animation),
		legend: { top: 0, data: [l.disposed, l.planned] },
		tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v} ${l.unitMu}`) },
		xAxis: { type: 'category', data: l.months, axisTick: { alignWithLabel: true } },
		yAxis: { type: 'value', name: l.unitMu, nameTextStyle: { align: 'left' } },
		series: [
			{ name: l.disposed, type: 'bar', data: months.map((m) => m.disposedMu), itemStyle: { color: STAGE_COLOURS.disposed }, barMaxWidth: 28 },
			{
				name: l.planned,
				type: 'line',
				data: months.map((m) => m.plannedMu),
				symbol: 'none',
				lineStyle: { type: 'dashed', width: 2, color: '#334155' },
				itemStyle: { color: '#334155' }
			}
		]
	};
}

export interface OccupancyLabels {
	leased: string;
	reserved: string;
	vacant: string;
	occupancy: string;
	unitM2: string;
}

/** Leased, reserved and vacant area by month (stacked) and the occupancy rate. */
export function occupancyOption(
	months: { month: string; leasedM2: number; reservedM2: number; vacantM2: number; leasableM2: number }[],
	l: OccupancyLabels,
	animation = true
): Option {
	const rate = months.map((m) => (m.leasableM2 > 0 ? Math.round((m.leasedM2 / m.leasableM2) * 1000) / 10 : null));
	const stack = (name: string, key: 'leasedM2' | 'reservedM2' | 'vacantM2', color: string) => ({
		name,
		type: 'bar',
		stack: 'area',
		data: months.map((m) => Math.round(m[key])),
		itemStyle: { color },
		barMaxWidth: 22
	});
	return {
		...base(animation),
		legend: { top: 0, data: [l.leased, l.reserved, l.vacant, l.occupancy] },
		tooltip: { trigger: 'axis' },
		xAxis: { type: 'category', data: months.map((m) => m.month.slice(0, 7)) },
		yAxis: [
			{ type: 'value', name: l.unitM2, nameTextStyle: { align: 'left' } },
			{ type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } }
		],
		series: [
			stack(l.leased, 'leasedM2', '#1d4ed8'),
			stack(l.reserved, 'reservedM2', '#93c5fd'),
			stack(l.vacant, 'vacantM2', '#e5e7eb'),
			{
				name: l.occupancy,
				type: 'line',
				yAxisIndex: 1,
				data: rate,
				symbol: 'circle',
				symbolSize: 4,
				lineStyle: { width: 2, color: '#0f172a' },
				itemStyle: { color: '#0f172a' }
			}
		]
	};
}

export const monthNames = (locale: string) =>
	Array.from({ length: 12 }, (_, i) =>
		locale === 'zh-CN' ? `${i + 1}月` : new Date(Date.UTC(2000, i, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })
	);

/** Occupancy bands on the building map: each from its lower bound up to the next. */
export const OCCUPANCY_BANDS = [
	{ from: 0, colour: '#b91c1c' },
	{ from: 0.5, colour: '#f59e0b' },
	{ from: 0.7, colour: '#84cc16' },
	{ from: 0.85, colour: '#15803d' }
] as const;

export const occupancyColourExpression = (): ExpressionSpecification =>
	[
		'step',
		['get', 'occupancy'],
		OCCUPANCY_BANDS[0].colour,
		...OCCUPANCY_BANDS.slice(1).flatMap((b) => [b.from, b.colour])
	] as unknown as ExpressionSpecification;

/** Tax tiers on the building map, highest first (the legend's order). */
export const TIER_COLOURS = { over_100m: '#7c3aed', over_50m: '#2563eb', over_10m: '#60a5fa', none: '#cbd5e1' } as const;

export const tierColourExpression = (): ExpressionSpecification => [
	'match',
	['get', 'tier'],
	'over_100m',
	TIER_COLOURS.over_100m,
	'over_50m',
	TIER_COLOURS.over_50m,
	'over_10m',
	TIER_COLOURS.over_10m,
	TIER_COLOURS.none
];

/** The chart labels in the reader's language. */
export const disposalLabels = (locale: Locale): ChartLabels => ({
	disposed: translate(locale, 'land.chart_disposed'),
	planned: translate(locale, 'land.chart_planned'),
	unitMu: translate(locale, 'unit.mu'),
	months: monthNames(locale)
});

export const occupancyLabels = (locale: Locale): OccupancyLabels => ({
	leased: translate(locale, 'economy.leased'),
	reserved: translate(locale, 'economy.reserved'),
	vacant: translate(locale, 'economy.vacant'),
	occupancy: translate(locale, 'economy.occupancy'),
	unitM2: translate(locale, 'unit.m2')
});

export interface RatesLabels {
	signed: string;
	started: string;
	production: string;
	unit: string;
	months: string[];
}

/** The year's signed projects month by month (cumulative), with how many of them started and went into production. */
export function ratesOption(months: { month: string; signed: number; started: number; production: number }[], l: RatesLabels, animation = true): Option {
	const line = (name: string, key: 'signed' | 'started' | 'production', color: string, type: 'solid' | 'dashed' | 'dotted', symbol: string) => ({
		name,
		type: 'line',
		data: months.map((m) => m[key]),
		symbol,
		symbolSize: 7,
		lineStyle: { width: 2, color, type },
		itemStyle: { color }
	});
	return {
		...base(animation),
		legend: { top: 0, data: [l.signed, l.started, l.production] },
		tooltip: { trigger: 'axis' },
		xAxis: { type: 'category', data: months.map((m) => l.months[Number(m.month.slice(5, 7)) - 1]) },
		yAxis: { type: 'value', name: l.unit, minInterval: 1, nameTextStyle: { align: 'left' } },
		series: [
			line(l.signed, 'signed', '#7c3aed', 'solid', 'rect'),
			line(l.started, 'started', '#d97706', 'dashed', 'triangle'),
			line(l.production, 'production', '#15803d', 'dotted', 'circle')
		]
	};
}

export const ratesLabels = (locale: Locale): RatesLabels => ({
	signed: translate(locale, 'rates.chart_signed'),
	started: translate(locale, 'rates.chart_started'),
	production: translate(locale, 'rates.chart_production'),
	unit: translate(locale, 'rates.unit_projects'),
	months: monthNames(locale)
});

export interface DemandLabels {
	searches: string;
	unmet: string;
	views: string;
	enquiries: string;
}

/** Week by week: finder searches (found and not found, stacked), site-page views and enquiries. */
export function demandOption(
	weeks: { weekOf: string; searches: number; unmet: number; views: number; enquiries: number }[],
	l: DemandLabels,
	animation = true
): Option {
	return {
		...base(animation),
		legend: { top: 0, data: [l.searches, l.unmet, l.views, l.enquiries] },
		tooltip: { trigger: 'axis' },
		xAxis: { type: 'category', data: weeks.map((w) => w.weekOf.slice(5)) },
		yAxis: [
			{ type: 'value', minInterval: 1 },
			{ type: 'value', minInterval: 1, splitLine: { show: false } }
		],
		series: [
			{ name: l.searches, type: 'bar', stack: 's', data: weeks.map((w) => w.searches - w.unmet), itemStyle: { color: '#1d4ed8' }, barMaxWidth: 22 },
			{ name: l.unmet, type: 'bar', stack: 's', data: weeks.map((w) => w.unmet), itemStyle: { color: '#dc2626' }, barMaxWidth: 22 },
			{
				name: l.views,
				type: 'line',
				yAxisIndex: 1,
				data: weeks.map((w) => w.views),
				symbol: 'circle',
				lineStyle: { color: '#0f172a' },
				itemStyle: { color: '#0f172a' }
			},
			{
				name: l.enquiries,
				type: 'line',
				yAxisIndex: 1,
				data: weeks.map((w) => w.enquiries),
				symbol: 'triangle',
				lineStyle: { color: '#15803d', type: 'dashed' },
				itemStyle: { color: '#15803d' }
			}
		]
	};
}

export const demandLabels = (locale: Locale): DemandLabels => ({
	searches: translate(locale, 'demand.found'),
	unmet: translate(locale, 'demand.unmet'),
	views: translate(locale, 'demand.views'),
	enquiries: translate(locale, 'demand.enquiries')
});
