/**
 * A console map on the basemap the administrator chose, framed on the zone: MapLibre and its
 * worker loaded on demand, the style built for the basemap (its datum and credits), the zone's
 * bounds shown in the basemap's datum, and the zoom buttons. For the console's own maps
 * (roads and facilities, the ledgers).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { buildMapStyle } from './basemap';
import { toDisplayPoint } from './datum';
import type { BasemapSettings } from '../domain/basemap';

export interface ConsoleMap {
	map: MapLibreMap;
	maplibre: typeof import('maplibre-gl');
	/** The basemap's credits, for MapCredit. */
	attributions: string[];
}

export async function openConsoleMap(container: HTMLElement, basemap: BasemapSettings, attribution: string, padding = 20): Promise<ConsoleMap> {
	const [maplibre, workerUrl, meta] = await Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url').then((m) => m.default),
		fetch('/api/map')
			.then((r) => r.json())
			.catch(() => ({}))
	]);
	maplibre.setWorkerUrl(workerUrl);
	const built = await buildMapStyle(basemap, window.location.origin, attribution);
	const b = (meta.bounds as number[] | null) ?? [118.3, 37.2, 118.9, 37.7];
	const map = new maplibre.Map({
		container,
		style: built.style,
		bounds: [...toDisplayPoint([b[0], b[1]]), ...toDisplayPoint([b[2], b[3]])] as [number, number, number, number],
		fitBoundsOptions: { padding },
		attributionControl: false,
		// The drawn map stays readable (browser tests read its pixels; a screenshot or print takes it).
		canvasContextAttributes: { preserveDrawingBuffer: true }
	});
	map.addControl(new maplibre.NavigationControl({ visualizePitch: false }), 'top-right');
	return { map, maplibre, attributions: built.attributions };
}
