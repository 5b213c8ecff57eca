/**
 * Which labels show at which zoom: parks from z8, parks within parks from z13 (so they do
 * not sit on their parent's name), facilities from z11.
 */
export function labelVisible(layer: 'parks' | 'facilities', zoom: number, kind = ''): boolean {
	if (layer === 'facilities') return zoom >= 11;
	return kind === 'park_in_park' ? zoom >= 13 : zoom >= 8;
}

/** Map-selection highlight filter for a layer: matches the selected feature id, or nothing. */
export function selectionFilter(id: number | null): unknown[] {
	return ['==', ['id'], id ?? -1];
}
