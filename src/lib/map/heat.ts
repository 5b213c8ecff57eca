/**
 * The heat overlay: deck.gl drawing the server's hexagons over MapLibre. This module is
 * imported only when the heat layer is switched on, so deck.gl is not in the first bundle.
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { PolygonLayer } from '@deck.gl/layers';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { HEAT_COLORS, heatClass } from './heat-scale';
import { bboxFromDisplay, toDisplayPoint } from './datum';

export interface HeatData {
	metric: string;
	unit: string;
	cells: { polygon: [number, number][]; value: number; count: number }[];
	breaks: number[];
	max: number;
}

export interface HeatOverlay {
	/** Shows a metric; `finder` carries the finder's query for the "match" metric. */
	show(metric: string, finder: string): void;
	remove(): void;
}

export function createHeatOverlay(map: MapLibreMap, onData: (d: HeatData | null, error?: string) => void): HeatOverlay {
	const overlay = new MapLibreOverlay({ interleaved: false, layers: [] });
	map.addControl(overlay);
	let metric = 'available_land';
	let finder = '';
	let controller: AbortController | null = null;
	let timer: ReturnType<typeof setTimeout> | undefined;

	async function refresh() {
		controller?.abort();
		controller = new AbortController();
		const b = map.getBounds();
		const bbox = bboxFromDisplay([b.getWest(), Math.max(-85, b.getSouth()), b.getEast(), Math.min(85, b.getNorth())])
			.map((v) => v.toFixed(5))
			.join(',');
		const z = Math.round(map.getZoom());
		const params = new URLSearchParams(finder);
		params.set('metric', metric);
		params.set('z', String(z));
		params.set('bbox', bbox);
		try {
			const res = await fetch(`/api/heat?${params}`, { signal: controller.signal });
			const body = await res.json();
			if (!res.ok) throw new Error(body.message ?? res.statusText);
			const data = body as HeatData;
			overlay.setProps({
				layers: [
					new PolygonLayer<HeatData['cells'][number]>({
						id: 'heat',
						data: data.cells,
						getPolygon: (c) => c.polygon.map(toDisplayPoint),
						getFillColor: (c) => [...HEAT_COLORS[heatClass(c.value, data.breaks)], 170] as [number, number, number, number],
						getLineColor: [255, 255, 255, 200],
						lineWidthMinPixels: 1,
						stroked: true,
						pickable: false,
						updateTriggers: { getFillColor: [data.breaks.join(',')] }
					})
				]
			});
			onData(data);
		} catch (e) {
			if ((e as Error).name !== 'AbortError') onData(null, (e as Error).message);
		}
	}

	const onMove = () => {
		clearTimeout(timer);
		timer = setTimeout(refresh, 250);
	};
	map.on('moveend', onMove);

	return {
		show(m, f) {
			metric = m;
			finder = f;
			void refresh();
		},
		remove() {
			controller?.abort();
			clearTimeout(timer);
			map.off('moveend', onMove);
			map.removeControl(overlay);
			onData(null);
		}
	};
}
