/**
 * A tour on the MapLibre map: the route as a cased line with direction arrows along it
 * (an icon drawn in code, so no sprite or glyph server is needed), and its stops and legs
 * as HTML markers placed by the map view.
 */
import type { Map as MapLibreMap, Marker } from 'maplibre-gl';
import type { FeatureCollection, Position } from 'geojson';
import { accessPaths, stopGroups } from '../domain/tour-plan';
import { toDisplayPoint } from './datum';

/** A tour as the map shows it (in the basemap's datum). */
function displayed(t: TourOverlay): TourOverlay {
	return { ...t, legs: t.legs.map((l) => l.map(toDisplayPoint)), stops: t.stops.map((s) => ({ ...s, location: toDisplayPoint(s.location) })) };
}

export interface TourOverlay {
	/** One path per leg, in driving order. */
	legs: Position[][];
	stops: { location: Position; label: string; problem?: boolean }[];
	/** Text per leg ("3.2 km · 7 min"), placed at the leg's middle. */
	legLabels: string[];
	estimated?: boolean;
}

export const TOUR_SOURCE = 'tour-route';
const ARROW = 'tour-arrow';

/**
 * The route's legs, and the short walks between each stop and the road point where its legs
 * start and end (a stop inside a plot is reached from the nearest road), drawn dashed.
 */
export function tourRouteData(t: TourOverlay | null): FeatureCollection {
	const legs = (t?.legs ?? []).filter((l) => l.length >= 2);
	const line = (coordinates: Position[], props: Record<string, unknown>) => ({
		type: 'Feature' as const,
		properties: props,
		geometry: { type: 'LineString' as const, coordinates }
	});
	const access =
		t && legs.length === t.stops.length - 1
			? accessPaths(
					t.stops.map((s) => s.location),
					legs
				)
			: [];
	return {
		type: 'FeatureCollection',
		features: [...legs.map((coordinates, i) => line(coordinates, { leg: i })), ...access.map((coordinates) => line(coordinates, { access: true }))]
	};
}

/** A right-pointing chevron, white on the route's colour. */
function arrowImage(size = 36): { width: number; height: number; data: Uint8Array } {
	const data = new Uint8Array(size * size * 4);
	const c = size / 2;
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			// Chevron: two strokes meeting at the right.
			const dx = x - c + 4;
			const dy = Math.abs(y - c);
			const onStroke = dx <= 7 && dx >= -8 && Math.abs(dx + dy - 6) <= 3;
			if (onStroke) {
				const i = (y * size + x) * 4;
				data.set([255, 255, 255, 255], i);
			}
		}
	}
	return { width: size, height: size, data };
}

/** Adds the route source and layers once (idempotent), above everything else. */
export function ensureTourLayers(m: MapLibreMap) {
	if (m.getSource(TOUR_SOURCE)) return;
	if (!m.hasImage(ARROW)) m.addImage(ARROW, arrowImage(), { pixelRatio: 2 });
	m.addSource(TOUR_SOURCE, { type: 'geojson', data: tourRouteData(null) });
	const driven = ['!', ['has', 'access']] as never;
	m.addLayer({
		id: 'tour-access',
		type: 'line',
		source: TOUR_SOURCE,
		filter: ['has', 'access'] as never,
		paint: { 'line-color': '#c2410c', 'line-width': 2, 'line-dasharray': [2, 2] }
	});
	m.addLayer({
		id: 'tour-route-casing',
		type: 'line',
		source: TOUR_SOURCE,
		filter: driven,
		layout: { 'line-join': 'round', 'line-cap': 'round' },
		paint: { 'line-color': '#ffffff', 'line-width': 9 }
	});
	m.addLayer({
		id: 'tour-route',
		type: 'line',
		source: TOUR_SOURCE,
		filter: driven,
		layout: { 'line-join': 'round', 'line-cap': 'round' },
		paint: { 'line-color': '#c2410c', 'line-width': 5 }
	});
	m.addLayer({
		id: 'tour-route-arrows',
		type: 'symbol',
		source: TOUR_SOURCE,
		filter: driven,
		layout: {
			'symbol-placement': 'line',
			'symbol-spacing': 70,
			'icon-image': ARROW,
			'icon-rotation-alignment': 'map',
			'icon-allow-overlap': true,
			'icon-ignore-placement': true
		}
	});
}

/** Where a leg's label goes: the vertex nearest to the middle of its length. */
export function legMiddle(path: Position[]): Position | null {
	if (path.length === 0) return null;
	if (path.length === 1) return path[0];
	const seg = path.slice(1).map((p, i) => Math.hypot(p[0] - path[i][0], (p[1] - path[i][1]) * 1.2));
	const total = seg.reduce((a, b) => a + b, 0);
	let run = 0;
	for (let i = 0; i < seg.length; i++) {
		if (run + seg[i] >= total / 2) {
			const t = seg[i] === 0 ? 0 : (total / 2 - run) / seg[i];
			return [path[i][0] + t * (path[i + 1][0] - path[i][0]), path[i][1] + t * (path[i + 1][1] - path[i][1])];
		}
		run += seg[i];
	}
	return path[path.length - 1];
}

/** [west, south, east, north] of the tour, or null when it has no places yet. */
export function tourBounds(t: TourOverlay): [number, number, number, number] | null {
	const pts = [...t.legs.flat(), ...t.stops.map((s) => s.location)];
	if (!pts.length) return null;
	const xs = pts.map((p) => p[0]);
	const ys = pts.map((p) => p[1]);
	return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * A tour shown on one map: the route layers and the HTML markers (numbered stops, leg labels).
 * MapLibre's Marker class is passed in, so that this module does not pull MapLibre into the page's
 * first load (the map view loads it on its own).
 */
export class TourView {
	private markers: Marker[] = [];

	constructor(
		private readonly map: MapLibreMap,
		private readonly MarkerClass: typeof Marker
	) {}

	show(stored: TourOverlay | null) {
		const m = this.map;
		const t = stored && displayed(stored);
		if (t) ensureTourLayers(m);
		(m.getSource(TOUR_SOURCE) as { setData?: (d: unknown) => void } | undefined)?.setData?.(tourRouteData(t));
		for (const mk of this.markers) mk.remove();
		this.markers = [];
		if (!t) return;
		for (const g of stopGroups(t.stops)) {
			const el = document.createElement('div');
			el.className = `tour-stop${g.problem ? ' problem' : ''}${g.numbers.length > 1 ? ' multi' : ''}`;
			el.textContent = g.numbers.join('·');
			el.title = g.labels.join('\n');
			el.dataset.testid = 'tour-stop-marker';
			this.markers.push(new this.MarkerClass({ element: el }).setLngLat(g.location as [number, number]).addTo(m));
		}
		t.legs.forEach((path, i) => {
			const at = legMiddle(path);
			if (!at || !t.legLabels[i]) return;
			const el = document.createElement('div');
			el.className = 'tour-leg';
			el.textContent = t.legLabels[i];
			el.dataset.testid = 'tour-leg-label';
			this.markers.push(new this.MarkerClass({ element: el, anchor: 'bottom', offset: [0, -6] }).setLngLat(at as [number, number]).addTo(m));
		});
		this.declutter();
	}

	/** Leg labels are HTML: hide one that would cover a stop or an earlier label (they come back on zooming in). */
	declutter() {
		const box = this.map.getContainer();
		const placed = [...box.querySelectorAll<HTMLElement>('.tour-stop')].map((e) => e.getBoundingClientRect());
		for (const el of box.querySelectorAll<HTMLElement>('.tour-leg')) {
			el.style.visibility = '';
			const r = el.getBoundingClientRect();
			const hit = placed.some((p) => r.left < p.right && r.right > p.left && r.top < p.bottom && r.bottom > p.top);
			if (hit) el.style.visibility = 'hidden';
			else placed.push(r);
		}
	}

	fit(t: TourOverlay) {
		const b = tourBounds(displayed(t));
		if (b) this.map.fitBounds(b, { padding: 60, maxZoom: 16, duration: 0 });
	}
}
