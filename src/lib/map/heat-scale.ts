/**
 * Colours of the heat map's classes (light to dark) and the class of a value.
 * Kept apart from the deck.gl overlay so the legend and tests need no deck.gl.
 */
export const HEAT_COLORS: [number, number, number][] = [
	[255, 237, 160],
	[254, 178, 76],
	[253, 141, 60],
	[240, 59, 32],
	[189, 0, 38]
];

/** Index of the class a value falls in, given ascending class breaks. */
export function heatClass(value: number, breaks: number[]): number {
	let i = 0;
	while (i < breaks.length && value > breaks[i]) i++;
	return Math.min(i, HEAT_COLORS.length - 1);
}

export const heatCss = (i: number) => `rgb(${HEAT_COLORS[i].join(' ')})`;
