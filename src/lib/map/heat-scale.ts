/**
 * Colours of the heat map's classes (light to dark), the class of a value and the legend's
 * bands. Kept apart from the deck.gl overlay so the legend and tests need no deck.gl.
 *
 * The palette runs from pale pink to deep magenta (ColorBrewer RdPu): no step of it is near
 * the supply-status colours (greens, yellows, oranges, blue, grey, lavender) or the
 * occupancy colours (red to green), so a heat cell is never read as a status.
 */
export const HEAT_COLORS: [number, number, number][] = [
	[250, 204, 228],
	[250, 159, 181],
	[247, 104, 161],
	[197, 27, 138],
	[122, 1, 119]
];

/** Index of the class a value falls in, given ascending class breaks. */
export function heatClass(value: number, breaks: number[]): number {
	let i = 0;
	while (i < breaks.length && value > breaks[i]) i++;
	return Math.min(i, HEAT_COLORS.length - 1);
}

export const heatCss = (i: number) => `rgb(${HEAT_COLORS[i].join(' ')})`;

/** Decimals a unit's legend shows: whole 亩 and m², counts and scores. */
const DECIMALS: Record<string, number> = { mu: 1, m2: 0, demand: 0, match: 0, searches: 0 };

export interface HeatBand {
	/** Colour class of the band. */
	index: number;
	from: number;
	to: number;
}

/**
 * The legend's bands: one per colour class, rounded to what the unit shows, with bands that
 * round to the same range merged — never "1.9–1.9" twice. A band is `from` (exclusive, except
 * the first) to `to` (inclusive), as `heatClass` assigns values.
 */
export function heatBands(breaks: number[], min: number, max: number, unit: string): HeatBand[] {
	const d = DECIMALS[unit] ?? 0;
	const round = (v: number) => Math.round(v * 10 ** d) / 10 ** d;
	const edges = [...breaks.filter((b) => b > min && b < max), max];
	const bands: HeatBand[] = [];
	let from = round(min);
	edges.forEach((edge, i) => {
		const to = round(edge);
		const index = heatClass(edge, breaks);
		const last = bands[bands.length - 1];
		if (last && to <= last.to) return;
		if (last && from === to && i < edges.length - 1) return;
		bands.push({ index, from, to });
		from = to;
	});
	if (!bands.length) bands.push({ index: heatClass(max, breaks), from: round(min), to: round(max) });
	return bands;
}
