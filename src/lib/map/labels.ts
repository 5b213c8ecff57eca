/** Which labels show at which zoom: parks from z8, facilities from z11. */
export function labelVisible(layer: 'parks' | 'facilities', zoom: number): boolean {
	return layer === 'parks' ? zoom >= 8 : zoom >= 11;
}

/** Map-selection highlight filter for a layer: matches the selected feature id, or nothing. */
export function selectionFilter(id: number | null): unknown[] {
	return ['==', ['id'], id ?? -1];
}
