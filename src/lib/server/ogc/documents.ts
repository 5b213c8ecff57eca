/**
 * The OGC API – Features documents other than items: the landing page, the conformance
 * declaration (only what is implemented), the collections and each collection with its extent,
 * the queryables (JSON Schema), and the OpenAPI 3.0 definition that declares every parameter
 * — GDAL reads the page-size maximum and the filterable fields from it.
 */
import type { Database } from '../db/client';
import { COLLECTIONS, type Collection, type Field, type Queryable } from './collections';
import { DEFAULT_LIMIT, MAX_LIMIT, extentOf } from './features';
import { CRS84, supportedCrs, zoneCentreLon, type OutputCrs } from './crs';

export const CONFORMANCE = [
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
	'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
	'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
	'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters'
];

const GEOJSON = 'application/geo+json';
const JSON_TYPE = 'application/json';
const HTML = 'text/html';

const link = (href: string, rel: string, type: string, title?: string) => ({ href, rel, type, ...(title ? { title } : {}) });

export function landing(base: string, title: string) {
	return {
		title,
		description: 'Industrial parks, land plots, buildings and facilities of the zone, as OGC API – Features.',
		links: [
			link(`${base}/ogc?f=json`, 'self', JSON_TYPE, 'This document'),
			link(`${base}/ogc?f=html`, 'alternate', HTML, 'This document as HTML'),
			link(`${base}/ogc/api`, 'service-desc', 'application/vnd.oai.openapi+json;version=3.0', 'The API definition'),
			link(`${base}/ogc/conformance`, 'conformance', JSON_TYPE, 'Conformance classes'),
			link(`${base}/ogc/collections`, 'data', JSON_TYPE, 'Collections')
		]
	};
}

export const conformance = () => ({ conformsTo: CONFORMANCE });

export async function collectionDoc(db: Database, base: string, c: Collection, offered?: OutputCrs[]) {
	const bbox = await extentOf(db, c);
	const crs = offered ?? supportedCrs(await zoneCentreLon(db));
	const self = `${base}/ogc/collections/${c.id}`;
	return {
		id: c.id,
		title: c.title,
		description: c.description,
		itemType: 'feature',
		crs: crs.map((x) => x.uri),
		storageCrs: CRS84,
		...(bbox ? { extent: { spatial: { bbox: [bbox], crs: CRS84 } } } : {}),
		links: [
			link(self, 'self', JSON_TYPE),
			link(`${self}?f=html`, 'alternate', HTML),
			link(`${self}/items`, 'items', GEOJSON, 'The features'),
			link(`${self}/items?f=html`, 'items', HTML, 'The features as HTML'),
			link(`${self}/queryables`, 'http://www.opengis.net/def/rel/ogc/1.0/queryables', 'application/schema+json', 'What the features can be filtered on')
		]
	};
}

export async function collectionsDoc(db: Database, base: string) {
	const offered = supportedCrs(await zoneCentreLon(db));
	return {
		crs: offered.map((x) => x.uri),
		links: [link(`${base}/ogc/collections`, 'self', JSON_TYPE), link(`${base}/ogc/collections?f=html`, 'alternate', HTML)],
		collections: await Promise.all(COLLECTIONS.map((c) => collectionDoc(db, base, c, offered)))
	};
}

const schemaOf = (f: Pick<Field, 'type' | 'title' | 'enum'>) => ({ type: f.type, title: f.title, ...(f.enum ? { enum: [...f.enum] } : {}) });

export function queryables(base: string, c: Collection) {
	return {
		$schema: 'https://json-schema.org/draft/2019-09/schema',
		$id: `${base}/ogc/collections/${c.id}/queryables`,
		type: 'object',
		title: c.title,
		properties: Object.fromEntries(c.queryables.map((q) => [q.name, schemaOf(q)])),
		additionalProperties: false
	};
}

const parameter = (q: Queryable) => ({
	name: q.name,
	in: 'query',
	required: false,
	style: 'form',
	explode: false,
	description: q.title,
	schema: schemaOf(q)
});

/** The OpenAPI 3.0 document: every path, with the items' parameters per collection and the CRSs offered. */
export function openapi(base: string, title: string, offered: OutputCrs[]) {
	const crsUris = offered.map((x) => x.uri);
	const common = {
		crs: {
			name: 'crs',
			in: 'query',
			required: false,
			style: 'form',
			explode: false,
			description:
				'The coordinate system of the answer (the Content-Crs header names it). EPSG:4326 and EPSG:4490 are latitude first, Gauss–Krüger northing first.',
			schema: { type: 'string', format: 'uri', enum: crsUris, default: CRS84 }
		},
		bboxCrs: {
			name: 'bbox-crs',
			in: 'query',
			required: false,
			style: 'form',
			explode: false,
			description: 'The coordinate system of bbox, in its axis order.',
			schema: { type: 'string', format: 'uri', enum: crsUris, default: CRS84 }
		},
		limit: {
			name: 'limit',
			in: 'query',
			required: false,
			style: 'form',
			explode: false,
			description: 'How many features a page holds.',
			schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }
		},
		offset: {
			name: 'offset',
			in: 'query',
			required: false,
			description: 'How many features to skip (the `next` link carries it).',
			schema: { type: 'integer', minimum: 0, default: 0 }
		},
		bbox: {
			name: 'bbox',
			in: 'query',
			required: false,
			style: 'form',
			explode: false,
			description: 'Only features that intersect this box: minLon,minLat,maxLon,maxLat in CRS84, or the lower and upper corner in the axis order of bbox-crs.',
			schema: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } }
		},
		f: { name: 'f', in: 'query', required: false, description: 'The format: json (default) or html.', schema: { type: 'string', enum: ['json', 'html'] } }
	};
	const ok = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'object' } } } });
	const errors = { '400': { description: 'A parameter could not be read.' }, '404': { description: 'No such collection or feature.' } };
	const paths: Record<string, unknown> = {
		'/ogc': {
			get: { summary: 'Landing page', operationId: 'getLandingPage', parameters: [common.f], responses: { '200': ok(JSON_TYPE, 'The landing page') } }
		},
		'/ogc/conformance': {
			get: { summary: 'Conformance classes', operationId: 'getConformance', responses: { '200': ok(JSON_TYPE, 'The conformance classes') } }
		},
		'/ogc/api': {
			get: { summary: 'This API definition', operationId: 'getApi', responses: { '200': ok('application/vnd.oai.openapi+json;version=3.0', 'OpenAPI 3.0') } }
		},
		'/ogc/collections': {
			get: { summary: 'The collections', operationId: 'getCollections', parameters: [common.f], responses: { '200': ok(JSON_TYPE, 'The collections') } }
		}
	};
	for (const c of COLLECTIONS) {
		paths[`/ogc/collections/${c.id}`] = {
			get: { summary: c.title, operationId: `describe_${c.id}`, parameters: [common.f], responses: { '200': ok(JSON_TYPE, c.description), ...errors } }
		};
		paths[`/ogc/collections/${c.id}/queryables`] = {
			get: { summary: `${c.title}: queryables`, operationId: `queryables_${c.id}`, responses: { '200': ok('application/schema+json', 'JSON Schema') } }
		};
		paths[`/ogc/collections/${c.id}/items`] = {
			get: {
				summary: `${c.title}: features`,
				operationId: `items_${c.id}`,
				parameters: [common.limit, common.offset, common.bbox, common.bboxCrs, common.crs, common.f, ...c.queryables.map(parameter)],
				responses: { '200': ok(GEOJSON, 'A page of features'), ...errors }
			}
		};
		paths[`/ogc/collections/${c.id}/items/{featureId}`] = {
			get: {
				summary: `${c.title}: one feature`,
				operationId: `item_${c.id}`,
				parameters: [{ name: 'featureId', in: 'path', required: true, description: 'The code', schema: { type: 'string' } }, common.crs, common.f],
				responses: { '200': ok(GEOJSON, 'The feature'), ...errors }
			}
		};
	}
	return {
		openapi: '3.0.3',
		info: {
			title,
			version: '1.0.0',
			description: 'OGC API – Features (Part 1: Core, GeoJSON, HTML, OpenAPI 3.0; Part 2: CRS by reference; Part 3: queryables as query parameters).'
		},
		servers: [{ url: base }],
		paths
	};
}

/** The items page's links: self, alternate, collection, and next / prev while there are more. */
export function itemsLinks(url: URL, collectionUrl: string, r: { offset: number; limit: number }, returned: number, matched: number) {
	const at = (offset: number, f?: string) => {
		const u = new URL(url);
		u.searchParams.set('offset', String(offset));
		u.searchParams.set('limit', String(r.limit));
		if (f) u.searchParams.set('f', f);
		else u.searchParams.delete('f');
		return u.toString();
	};
	const links = [link(at(r.offset), 'self', GEOJSON), link(at(r.offset, 'html'), 'alternate', HTML), link(collectionUrl, 'collection', JSON_TYPE)];
	if (returned > 0 && r.offset + returned < matched) links.push(link(at(r.offset + r.limit), 'next', GEOJSON, 'The next page'));
	if (r.offset > 0) links.push(link(at(Math.max(0, r.offset - r.limit)), 'prev', GEOJSON, 'The page before'));
	return links;
}
