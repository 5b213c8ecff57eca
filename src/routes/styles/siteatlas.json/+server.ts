import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { offlineStyle } from '$lib/map/style';
import { BASEMAP_ATTRIBUTION } from '$lib/server/basemap';

/** GET /styles/siteatlas.json: a MapLibre style of SiteAtlas's layers on its own offline basemap, for MapLibre, QGIS and others. */
export const GET: RequestHandler = ({ url }) =>
	json(offlineStyle(url.origin, BASEMAP_ATTRIBUTION), { headers: { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=300' } });
