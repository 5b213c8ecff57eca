/**
 * Every route of the app, found in src/routes (endpoints by their exported methods, pages,
 * and form actions), and for each how the suite reaches it: a concrete address, who is
 * signed in, a valid body to spoil, and — for writes — who may do it. A route found in
 * src/routes without an entry here fails the suite: a new route must say how it is tested.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Client } from './app';
import { blankPlotAttributes, plotEditOf } from '../../src/lib/domain/edit-schemas';

export interface FoundRoute {
	/** "PUT /api/console/plots/[code]", "POST /plots/[code]?/enquire", "GET /console". */
	key: string;
	method: string;
	id: string;
	kind: 'endpoint' | 'page' | 'action';
}

const ROUTES = 'src/routes';

/** Walks src/routes: +server.ts methods, +page.svelte pages, +page.server.ts actions. */
export function discoverRoutes(dir = ROUTES): FoundRoute[] {
	const out: FoundRoute[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const full = path.join(d, name);
			if (statSync(full).isDirectory()) walk(full);
		}
		const id =
			'/' +
			path
				.relative(ROUTES, d)
				.split(path.sep)
				.filter((seg) => seg && !/^\(.*\)$/.test(seg))
				.join('/');
		const server = path.join(d, '+server.ts');
		try {
			const src = readFileSync(server, 'utf8');
			for (const m of src.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) out.push({ key: `${m[1]} ${id}`, method: m[1], id, kind: 'endpoint' });
		} catch {
			// no endpoint here
		}
		try {
			statSync(path.join(d, '+page.svelte'));
			out.push({ key: `GET ${id}`, method: 'GET', id, kind: 'page' });
		} catch {
			// no page here
		}
		try {
			const src = readFileSync(path.join(d, '+page.server.ts'), 'utf8');
			const actions = /export const actions = \{([\s\S]*?)\}\s*satisfies/.exec(src)?.[1] ?? '';
			// Top-level keys of the actions object: on one line, or one tab in.
			const names = actions.includes('\n') ? [...actions.matchAll(/^\t(\w+)\s*:/gm)] : [...actions.matchAll(/(\w+)\s*:/g)];
			for (const m of names) out.push({ key: `POST ${id}?/${m[1]}`, method: 'POST', id, kind: 'action' });
		} catch {
			// no server load or actions
		}
	};
	walk(dir);
	return out;
}

/** Real records of the sample zone the suite aims at. */
export interface Samples {
	plotNM: string;
	plotTE: string;
	buildingNM: string;
	buildingTE: string;
	park: string;
	tourId: number;
	token: string;
	reference: string;
	photoId: number;
	/** Pipeline records of the NM and TE parks, a 招商目录 entry, and a live proposal. */
	enquiryNM: number;
	enquiryTE: number;
	projectNM: number;
	projectTE: number;
	targetFirmId: number;
	proposalId: number;
	proposalToken: string;
}

export type Who = 'anonymous' | 'staff' | 'editorNM' | 'admin';

/** Who may make a write: the access matrix sends everyone else, with a body that does not validate. */
export type Access =
	| { kind: 'public' }
	| { kind: 'signed-in' }
	| { kind: 'staff' }
	/** Administrators only: staff and park editors get 403. */
	| { kind: 'admin' }
	/** A record of a park: the other park's editor gets 403. */
	| { kind: 'park'; foreign: (s: Samples) => string | FormData | Record<string, unknown> };

export interface RouteSpec {
	path: (s: Samples) => string;
	/** Query parameters the route reads, to spoil one by one. */
	query?: string[];
	as?: Who;
	body?:
		| { kind: 'json'; valid: (s: Samples, c: Client) => Promise<unknown> | unknown }
		| { kind: 'form'; valid: (s: Samples) => Record<string, string> }
		| { kind: 'multipart' };
	/** For writes. */
	access?: Access;
	/** The valid request would delete or change sample data the suite relies on: spoil only the address. */
	destructive?: boolean;
}

const FINDER = [
	'industry',
	'chain',
	'link',
	'landUse',
	'areaMin',
	'areaMax',
	'unit',
	'priceMax',
	'readiness',
	'status',
	'vacantMin',
	'rentMax',
	'buildingKind',
	'near',
	'withinKm',
	'bbox',
	'polygon',
	'circle',
	'stale',
	'page',
	'pageSize',
	'kind'
];

const stop = (lon: number, lat: number, label: string) => ({
	siteKind: 'point',
	code: null,
	location: [lon, lat],
	label,
	dwellMin: 20,
	notes: 'Notes\nmore',
	contact: ''
});
const tourBody = () => ({
	title: 'Resilience tour',
	delegationOrg: 'Delegation',
	delegationSize: 12,
	delegationContact: 'Ms Li',
	tourDate: '2026-12-24',
	startTime: '09:00',
	lunchAfterStop: null,
	lunchMin: 60,
	stops: [stop(118.5, 37.42, 'Hotel'), stop(118.52, 37.41, 'Gate')]
});

async function editorState(c: Client, url: string) {
	const r = await c.get(url);
	return r.json as Record<string, unknown>;
}

/** A closed square ring as a Polygon, `size` degrees wide. */
const square = (lon: number, lat: number, size: number) => ({
	type: 'Polygon',
	coordinates: [
		[
			[lon, lat],
			[lon + size, lat],
			[lon + size, lat + size],
			[lon, lat + size],
			[lon, lat]
		]
	]
});
const parkBody = () => ({ nameZh: '测试园区', nameEn: 'Test park', kind: 'industrial_park', operatorZh: '运营', operatorEn: 'Operator', published: false });
const newPlotBody = blankPlotAttributes;

export const ROUTE_TABLE: Record<string, RouteSpec> = {
	'GET /': { path: () => '/', query: [...FINDER, 'sel', 'heat', 'lang'] },
	'GET /buildings/[code]': { path: (s) => `/buildings/${s.buildingNM}` },
	'POST /buildings/[code]?/enquire': {
		path: (s) => `/buildings/${s.buildingNM}?/enquire`,
		body: {
			kind: 'form',
			valid: () => ({
				company: 'Form Ltd',
				contactName: 'Wang',
				contactEmail: 'wang@example.com',
				message: 'Hello\nthere',
				spaceNeeded: '500',
				spaceUnit: 'm2'
			})
		},
		access: { kind: 'public' }
	},
	'GET /compare': { path: (s) => `/compare?sites=plot:${s.plotNM},building:${s.buildingNM}`, query: ['sites'] },
	'GET /developers': { path: () => '/developers', query: ['lang'] },
	'GET /glossary': { path: () => '/glossary', query: ['lang'] },
	'GET /parks/[code]': { path: (s) => `/parks/${s.park}` },
	'POST /parks/[code]?/enquire': {
		path: (s) => `/parks/${s.park}?/enquire`,
		body: { kind: 'form', valid: () => ({ company: 'Form Ltd', contactName: 'Wang', contactEmail: 'wang@example.com', message: 'Hello' }) },
		access: { kind: 'public' }
	},
	'GET /plots/[code]': { path: (s) => `/plots/${s.plotNM}` },
	'POST /plots/[code]?/enquire': {
		path: (s) => `/plots/${s.plotNM}?/enquire`,
		body: {
			kind: 'form',
			valid: () => ({ company: 'Form Ltd', contactName: 'Wang', contactPhone: '0546 1234567', industry: 'new_materials', message: 'Hello' })
		},
		access: { kind: 'public' }
	},
	'GET /tours/[token]': { path: (s) => `/tours/${s.token}` },
	'GET /api/console/buildings/[code]': { path: (s) => `/api/console/buildings/${s.buildingNM}`, as: 'staff' },
	'PUT /api/console/buildings/[code]': {
		path: (s) => `/api/console/buildings/${s.buildingNM}`,
		as: 'staff',
		body: {
			kind: 'json',
			valid: async (s, c) => {
				const b = await editorState(c, `/api/console/buildings/${s.buildingNM}`);
				const { version, kind, floors, rentYuanPerM2Day, ownerName, operatorName, businessFormats, taxTier, published } = b;
				return { version, kind, floors, rentYuanPerM2Day, ownerName, operatorName, businessFormats, taxTier, published };
			}
		},
		access: { kind: 'park', foreign: (s) => `/api/console/buildings/${s.buildingTE}` }
	},
	'PUT /api/console/buildings/[code]/units': {
		path: (s) => `/api/console/buildings/${s.buildingNM}/units`,
		as: 'staff',
		body: {
			kind: 'json',
			valid: async (s, c) => {
				const b = await editorState(c, `/api/console/buildings/${s.buildingNM}`);
				const units = (b.units as { id: number; status: string; areaM2: number }[]).slice(0, 3).map(({ id, status, areaM2 }) => ({ id, status, areaM2 }));
				return { version: b.version, units };
			}
		},
		access: { kind: 'park', foreign: (s) => `/api/console/buildings/${s.buildingTE}/units` }
	},
	'POST /api/console/confirm': {
		path: () => '/api/console/confirm',
		as: 'staff',
		body: { kind: 'json', valid: (s) => ({ items: [{ kind: 'plot', code: s.plotNM }] }) },
		access: { kind: 'park', foreign: (s) => ({ items: [{ kind: 'plot', code: s.plotTE }] }) }
	},
	'POST /api/console/photos': {
		path: () => '/api/console/photos',
		as: 'staff',
		body: { kind: 'multipart' },
		access: {
			kind: 'park',
			foreign: (s) => {
				const f = new FormData();
				f.set('kind', 'plot');
				f.set('code', s.plotTE);
				f.set('caption', 'x\u0000');
				return f;
			}
		}
	},
	'DELETE /api/console/photos/[id]': { path: (s) => `/api/console/photos/${s.photoId}`, as: 'staff', destructive: true, access: { kind: 'signed-in' } },
	'GET /api/console/plots/[code]': { path: (s) => `/api/console/plots/${s.plotNM}`, as: 'staff' },
	'PUT /api/console/plots/[code]': {
		path: (s) => `/api/console/plots/${s.plotNM}`,
		as: 'staff',
		body: {
			kind: 'json',
			valid: async (s, c) => {
				const p = await editorState(c, `/api/console/plots/${s.plotNM}`);
				const body = plotEditOf(p as Parameters<typeof plotEditOf>[0]);
				return { ...body, availableFrom: '2027-03-01', notes: 'Checked on site\nall fine' };
			}
		},
		access: { kind: 'park', foreign: (s) => `/api/console/plots/${s.plotTE}` }
	},
	'PUT /api/console/plots/[code]/boundary': {
		path: (s) => `/api/console/plots/${s.plotNM}/boundary`,
		as: 'staff',
		body: {
			kind: 'json',
			valid: async (s, c) => {
				const p = await editorState(c, `/api/console/plots/${s.plotNM}`);
				return { version: p.version, geometry: p.boundary };
			}
		},
		access: { kind: 'park', foreign: (s) => `/api/console/plots/${s.plotTE}/boundary` }
	},
	'GET /api/console/imports': { path: () => '/api/console/imports', as: 'staff' },
	'POST /api/console/imports': {
		path: () => '/api/console/imports?layer=plots&park=NM&mode=dry_run',
		query: ['layer', 'park', 'mode'],
		as: 'staff',
		body: { kind: 'multipart' },
		access: { kind: 'park', foreign: () => '/api/console/imports?layer=plots&park=TE&mode=commit' }
	},
	'POST /api/console/imports/[id]/undo': { path: () => '/api/console/imports/1/undo', as: 'staff', destructive: true, access: { kind: 'signed-in' } },
	'GET /api/console/users': { path: () => '/api/console/users', as: 'admin' },
	'GET /api/console/audit': { path: () => '/api/console/audit', as: 'admin', query: ['user', 'entity', 'record', 'action', 'from', 'to', 'page', 'format'] },
	'POST /api/console/users': {
		path: () => '/api/console/users',
		as: 'admin',
		body: { kind: 'json', valid: () => ({ email: 'battery-user@zone.example', displayName: 'Battery', role: 'staff', parkCodes: [], mode: 'invite' }) },
		access: { kind: 'admin' }
	},
	'PATCH /api/console/users/[id]': {
		path: () => '/api/console/users/1',
		as: 'admin',
		body: { kind: 'json', valid: () => ({ role: 'admin' }) },
		access: { kind: 'admin' }
	},
	// Resetting would end the suite's own sessions: only the address is spoilt.
	'POST /api/console/users/[id]/reset': {
		path: () => '/api/console/users/1/reset',
		as: 'admin',
		destructive: true,
		body: { kind: 'json', valid: () => ({ mode: 'temporary' }) },
		access: { kind: 'admin' }
	},
	// Administration (issue 11). Writes that would retire or merge sample records only have their address spoilt.
	'GET /api/console/settings': { path: () => '/api/console/settings', as: 'admin' },
	'PUT /api/console/settings': {
		path: () => '/api/console/settings',
		as: 'admin',
		body: {
			kind: 'json',
			valid: async (_s, c) => {
				const r = await editorState(c, '/api/console/settings');
				return { version: r.version, settings: r.settings };
			}
		},
		access: { kind: 'admin' }
	},
	'GET /api/console/parks': { path: () => '/api/console/parks', as: 'admin' },
	'POST /api/console/parks': {
		path: () => '/api/console/parks',
		as: 'admin',
		body: { kind: 'json', valid: () => ({ code: 'RES-PARK', ...parkBody(), boundary: square(118.95, 37.95, 0.01) }) },
		access: { kind: 'admin' }
	},
	'GET /api/console/parks/[code]': { path: (s) => `/api/console/parks/${s.park}`, as: 'admin' },
	'PATCH /api/console/parks/[code]': {
		path: (s) => `/api/console/parks/${s.park}`,
		as: 'admin',
		body: { kind: 'json', valid: (s, c) => editorState(c, `/api/console/parks/${s.park}`) },
		access: { kind: 'admin' }
	},
	'GET /api/console/taxonomy': { path: () => '/api/console/taxonomy', as: 'admin' },
	'POST /api/console/taxonomy/[kind]': {
		path: () => '/api/console/taxonomy/industry',
		as: 'admin',
		body: { kind: 'json', valid: () => ({ code: 'res_industry', nameZh: '测试产业', nameEn: 'Test industry', group: 'digital' }) },
		access: { kind: 'admin' }
	},
	'GET /api/console/taxonomy/[kind]/[code]': { path: () => '/api/console/taxonomy/industry/new_materials', as: 'admin' },
	'PATCH /api/console/taxonomy/[kind]/[code]': {
		path: () => '/api/console/taxonomy/industry/new_materials',
		as: 'admin',
		body: { kind: 'json', valid: () => ({ nameZh: '新材料', nameEn: 'New materials', group: 'leading' }) },
		access: { kind: 'admin' }
	},
	'PUT /api/console/taxonomy/[kind]/[code]/links': {
		path: () => '/api/console/taxonomy/chain/rare_earth_catalysis/links',
		as: 'admin',
		body: {
			kind: 'json',
			valid: async (_s, c) => {
				const tree = (await editorState(c, '/api/console/taxonomy')) as {
					chains: { code: string; links: { code: string; nameZh: string; nameEn: string }[] }[];
				};
				const chain = tree.chains.find((x) => x.code === 'rare_earth_catalysis')!;
				return { links: chain.links.map((l) => ({ code: l.code, nameZh: l.nameZh, nameEn: l.nameEn })) };
			}
		},
		access: { kind: 'admin' }
	},
	'POST /api/console/taxonomy/[kind]/[code]/retire': {
		path: () => '/api/console/taxonomy/industry/digital_economy/retire',
		as: 'admin',
		destructive: true,
		body: { kind: 'json', valid: () => ({ into: 'modern_services' }) },
		access: { kind: 'admin' }
	},
	'PUT /api/console/taxonomy/order': {
		path: () => '/api/console/taxonomy/order',
		as: 'admin',
		body: {
			kind: 'json',
			valid: async (_s, c) => ({
				kind: 'industry',
				codes: ((await editorState(c, '/api/console/taxonomy')) as { industries: { code: string }[] }).industries.map((i) => i.code)
			})
		},
		access: { kind: 'admin' }
	},
	'GET /api/console/facilities': { path: () => '/api/console/facilities', as: 'staff' },
	'POST /api/console/facilities': {
		path: () => '/api/console/facilities',
		as: 'staff',
		body: {
			kind: 'json',
			valid: () => ({ code: 'res-facility', kind: 'hotel', nameZh: '测试酒店', nameEn: 'Test hotel', location: [118.6, 37.5], published: true })
		},
		access: { kind: 'staff' }
	},
	'PATCH /api/console/facilities/[code]': {
		path: () => '/api/console/facilities/hotel-blue-ocean',
		as: 'staff',
		body: {
			kind: 'json',
			valid: async (_s, c) => {
				const list = (await editorState(c, '/api/console/facilities')) as { facilities: Record<string, unknown>[] };
				const { code: _code, retiredAt: _r, ...f } = list.facilities.find((x) => x.code === 'hotel-blue-ocean')!;
				return f;
			}
		},
		access: { kind: 'staff' }
	},
	'POST /api/console/facilities/[code]/retire': {
		path: () => '/api/console/facilities/hotel-blue-ocean/retire',
		as: 'staff',
		destructive: true,
		body: { kind: 'json', valid: () => ({ version: 1, retired: true }) },
		access: { kind: 'staff' }
	},
	'GET /api/console/roads': { path: () => '/api/console/roads', as: 'staff' },
	'POST /api/console/roads': {
		path: () => '/api/console/roads',
		as: 'staff',
		body: {
			kind: 'json',
			valid: () => ({
				nameZh: '测试路',
				nameEn: 'Test road',
				roadClass: 'local',
				oneway: false,
				speedKmh: 30,
				coordinates: [
					[118.95, 37.95],
					[118.96, 37.951]
				]
			})
		},
		access: { kind: 'staff' }
	},
	'GET /api/console/roads/[id]': { path: () => '/api/console/roads/1', as: 'staff' },
	'PATCH /api/console/roads/[id]': {
		path: () => '/api/console/roads/1',
		as: 'staff',
		body: { kind: 'json', valid: (_s, c) => editorState(c, '/api/console/roads/1') },
		access: { kind: 'staff' }
	},
	'DELETE /api/console/roads/[id]': {
		path: () => '/api/console/roads/1',
		as: 'staff',
		destructive: true,
		body: { kind: 'json', valid: () => ({ version: 1 }) },
		access: { kind: 'staff' }
	},
	'GET /api/console/land': { path: () => '/api/console/land?year=2026', as: 'staff', query: ['year', 'park', 'stage', 'kind', 'due', 'q', 'page'] },
	'GET /api/console/land/map': { path: () => '/api/console/land/map?year=2026', as: 'staff', query: ['year'] },
	'GET /api/console/land/export': {
		path: () => '/api/console/land/export?year=2026',
		as: 'staff',
		query: ['year', 'park', 'stage', 'kind', 'due', 'q', 'page']
	},
	'GET /api/console/land/thresholds': { path: () => '/api/console/land/thresholds', as: 'admin' },
	'PUT /api/console/land/thresholds': {
		path: () => '/api/console/land/thresholds',
		as: 'admin',
		body: { kind: 'json', valid: () => ({ zone: { taxPerMuWan: 10, outputPerMuWan: 150 }, parks: [] }) },
		access: { kind: 'admin' }
	},
	// ------------------------------------------------------------ OGC API – Features (issue 14)
	'GET /ogc': { path: () => '/ogc', query: ['f'] },
	'GET /ogc/conformance': { path: () => '/ogc/conformance', query: ['f'] },
	'GET /ogc/api': { path: () => '/ogc/api' },
	'GET /ogc/collections': { path: () => '/ogc/collections', query: ['f'] },
	'GET /ogc/collections/[id]': { path: () => '/ogc/collections/plots', query: ['f'] },
	'GET /ogc/collections/[id]/queryables': { path: () => '/ogc/collections/plots/queryables' },
	'GET /ogc/collections/[id]/items': {
		path: () => '/ogc/collections/plots/items?limit=20',
		query: ['limit', 'offset', 'bbox', 'bbox-crs', 'crs', 'f', 'status', 'land_use', 'industry', 'chain', 'park', 'area_mu_min', 'area_mu_max']
	},
	'GET /tiles/[layer].json': { path: () => '/tiles/all.json' },
	'GET /styles/siteatlas.json': { path: () => '/styles/siteatlas.json' },
	'GET /styles/siteatlas-qgis.xml': { path: () => '/styles/siteatlas-qgis.xml' },
	'GET /ogc/collections/[id]/items/[fid]': { path: (s) => `/ogc/collections/plots/items/${s.plotNM}`, query: ['f', 'crs'] },
	// ------------------------------------------------------------ exports (issue 14)
	'GET /api/export/[layer]': { path: () => '/api/export/plots?format=geojson&park=NM', query: ['format', 'encoding', 'park'] },
	'GET /api/search/export': {
		path: () => '/api/search/export?format=csv&industry=new_materials',
		query: ['format', 'encoding', 'industry', 'areaMin', 'page']
	},
	'GET /api/console/export/[list]': { path: () => '/api/console/export/plots?format=gpkg&park=NM', as: 'staff', query: ['format', 'encoding', 'park'] },
	// ------------------------------------------------------------ the promotion pipeline (issue 13)
	'GET /api/console/enquiries': { path: () => '/api/console/enquiries', as: 'staff', query: ['view', 'status', 'park', 'flag', 'mine', 'q', 'page'] },
	'GET /api/console/enquiries/[id]': { path: (s) => `/api/console/enquiries/${s.enquiryNM}`, as: 'staff' },
	'POST /api/console/enquiries/[id]': {
		path: (s) => `/api/console/enquiries/${s.enquiryNM}`,
		as: 'staff',
		body: {
			kind: 'json',
			valid: async (s, c) => {
				const r = (await editorState(c, `/api/console/enquiries/${s.enquiryNM}`)) as { enquiry: { version: number } };
				return { action: 'note', version: r.enquiry.version, body: '回访记录\n下周再联系' };
			}
		},
		access: { kind: 'park', foreign: (s) => `/api/console/enquiries/${s.enquiryTE}` }
	},
	'GET /api/console/projects': { path: () => '/api/console/projects', as: 'staff', query: ['stage', 'park', 'chain', 'warning', 'q', 'page'] },
	'POST /api/console/projects': {
		path: () => '/api/console/projects',
		as: 'staff',
		body: {
			kind: 'json',
			valid: () => ({
				nameZh: '韧性测试项目',
				nameEn: 'Resilience project',
				investorName: '测试投资有限公司',
				park: 'NM',
				chainLink: 're_catalyst',
				site: null,
				investmentWan: 5000,
				fundsInPlaceWan: null,
				foreignCapitalUsd: null,
				officerName: '王强',
				leaderName: '',
				milestones: [{ text: '签约', due: '2030-01-01', done: false }],
				notes: '',
				stage: 'lead'
			})
		},
		access: { kind: 'signed-in' }
	},
	'GET /api/console/projects/[id]': { path: (s) => `/api/console/projects/${s.projectNM}`, as: 'staff' },
	'POST /api/console/projects/[id]': {
		path: (s) => `/api/console/projects/${s.projectNM}`,
		as: 'staff',
		body: {
			kind: 'json',
			valid: async (s, c) => {
				const r = (await editorState(c, `/api/console/projects/${s.projectNM}`)) as { project: { version: number } };
				return { action: 'problem', version: r.project.version, text: '用地手续', owner: '自然资源分局', dueOn: '2030-01-01' };
			}
		},
		access: { kind: 'park', foreign: (s) => `/api/console/projects/${s.projectTE}` }
	},
	'GET /api/console/projects/export': { path: () => '/api/console/projects/export', as: 'staff', query: ['stage', 'park', 'chain', 'warning', 'q', 'page'] },
	'GET /api/console/projects/map': { path: () => '/api/console/projects/map', as: 'staff', query: ['stage', 'park', 'chain', 'warning', 'q', 'page'] },
	'GET /api/console/rates': { path: () => '/api/console/rates', as: 'staff', query: ['year'] },
	'GET /api/console/chains': { path: () => '/api/console/chains', as: 'staff' },
	'POST /api/console/chains/targets': {
		path: () => '/api/console/chains/targets',
		as: 'staff',
		body: { kind: 'json', valid: () => ({ link: 'rw_axle', name: '示例车轴股份', location: '江苏常州', reason: '补链', owner: '王强', status: 'listed' }) },
		access: { kind: 'staff' }
	},
	'PUT /api/console/chains/targets/[id]': {
		path: (s) => `/api/console/chains/targets/${s.targetFirmId}`,
		as: 'staff',
		body: {
			kind: 'json',
			valid: async (s, c) => {
				const chains = (await c.get('/api/console/chains')).json as unknown as { links: { targets: { id: number; version: number }[] }[] }[];
				const t = chains.flatMap((x) => x.links.flatMap((l) => l.targets)).find((x) => x.id === s.targetFirmId)!;
				return { version: t.version, name: '示例车轴股份', location: '江苏常州', reason: '补链', owner: '王强', status: 'contacted' };
			}
		},
		access: { kind: 'staff' }
	},
	'DELETE /api/console/chains/targets/[id]': {
		path: (s) => `/api/console/chains/targets/${s.targetFirmId}`,
		as: 'staff',
		destructive: true,
		body: { kind: 'json', valid: () => ({ version: 1 }) },
		access: { kind: 'staff' }
	},
	'GET /api/console/proposals': { path: () => '/api/console/proposals', as: 'staff' },
	'POST /api/console/proposals': {
		path: () => '/api/console/proposals',
		as: 'staff',
		body: { kind: 'json', valid: (s) => ({ title: '韧性测试方案', delegation: '测试团', sites: [{ kind: 'plot', code: s.plotNM }], locale: 'zh-CN' }) },
		access: { kind: 'staff' }
	},
	'GET /api/console/proposals/[id]': { path: (s) => `/api/console/proposals/${s.proposalId}`, as: 'staff' },
	'PUT /api/console/proposals/[id]': {
		path: (s) => `/api/console/proposals/${s.proposalId}`,
		as: 'staff',
		body: {
			kind: 'json',
			valid: async (s, c) => {
				const p = (await editorState(c, `/api/console/proposals/${s.proposalId}`)) as { version: number };
				return {
					version: p.version,
					title: '韧性测试方案',
					delegation: '测试团',
					sites: [{ kind: 'plot', code: s.plotNM }],
					locale: 'en',
					expiresOn: '2030-01-01'
				};
			}
		},
		access: { kind: 'staff' }
	},
	'POST /api/console/proposals/[id]': {
		path: (s) => `/api/console/proposals/${s.proposalId}`,
		as: 'staff',
		destructive: true,
		body: { kind: 'json', valid: () => ({ action: 'code', version: 1 }) },
		access: { kind: 'staff' }
	},
	'GET /api/console/demand': { path: () => '/api/console/demand', as: 'staff' },
	'GET /console/enquiries': { path: () => '/console/enquiries', as: 'staff', query: ['view', 'status', 'park', 'flag', 'mine', 'q', 'page'] },
	'GET /console/enquiries/[id]': { path: (s) => `/console/enquiries/${s.enquiryNM}`, as: 'staff' },
	'GET /console/projects': { path: () => '/console/projects', as: 'staff', query: ['stage', 'park', 'chain', 'warning', 'q', 'page'] },
	'GET /console/projects/new': { path: () => '/console/projects/new', as: 'staff' },
	'GET /console/projects/[id]': { path: (s) => `/console/projects/${s.projectNM}`, as: 'staff' },
	'GET /console/projects/map': { path: () => '/console/projects/map', as: 'staff', query: ['stage', 'park', 'chain', 'warning', 'q', 'page'] },
	'GET /console/projects/print': { path: () => '/console/projects/print', as: 'staff', query: ['stage', 'park', 'chain', 'warning', 'q', 'page'] },
	'GET /console/projects/rates': { path: () => '/console/projects/rates', as: 'staff', query: ['year'] },
	'GET /console/chains': { path: () => '/console/chains', as: 'staff', query: ['chain', 'link'] },
	'GET /console/proposals': { path: () => '/console/proposals', as: 'staff' },
	'GET /console/proposals/new': { path: () => '/console/proposals/new', as: 'staff', query: ['sites', 'tour'] },
	'GET /console/proposals/[id]': { path: (s) => `/console/proposals/${s.proposalId}`, as: 'staff' },
	'GET /console/demand': { path: () => '/console/demand', as: 'staff' },
	'GET /enquiries/[reference]': { path: (s) => `/enquiries/${s.reference}` },
	'GET /p/[token]': { path: (s) => `/p/${s.proposalToken}` },
	'POST /p/[token]?/default': {
		path: (s) => `/p/${s.proposalToken}`,
		body: { kind: 'form', valid: () => ({ code: 'ZZZZZZ' }) },
		access: { kind: 'public' }
	},
	'GET /api/console/land/cases/[id]': { path: () => '/api/console/land/cases/1', as: 'staff' },
	'POST /api/console/land/cases/[id]': {
		path: () => '/api/console/land/cases/1',
		as: 'staff',
		destructive: true,
		body: {
			kind: 'json',
			valid: async (_s, c) => {
				const r = (await editorState(c, '/api/console/land/cases/1')) as { case: { version: number } };
				return {
					action: 'dispose',
					version: r.case.version,
					method: 'recovery',
					officer: '王强',
					deadline: '2030-01-01',
					steps: [{ text: '下达决定书', done: false }]
				};
			}
		},
		access: { kind: 'signed-in' }
	},
	'GET /api/console/plots/[code]/land-facts': { path: (s) => `/api/console/plots/${s.plotNM}/land-facts`, as: 'staff' },
	'PUT /api/console/plots/[code]/land-facts': {
		path: (s) => `/api/console/plots/${s.plotNM}/land-facts`,
		as: 'staff',
		body: {
			kind: 'json',
			valid: async (s, c) => {
				const f = (await editorState(c, `/api/console/plots/${s.plotNM}/land-facts`)) as Record<string, unknown>;
				const keys = [
					'version',
					'contractDate',
					'agreedStartDate',
					'startedOn',
					'builtRatio',
					'investedRatio',
					'stoppedSince',
					'landPriceWan',
					'taxPerMuWan',
					'outputPerMuWan'
				];
				return Object.fromEntries(keys.map((k) => [k, f[k] ?? null]));
			}
		},
		access: { kind: 'park', foreign: (s) => `/api/console/plots/${s.plotTE}/land-facts` }
	},
	'GET /api/console/economy': { path: () => '/api/console/economy', as: 'staff', query: ['park', 'kind', 'tier', 'q', 'flag', 'sort', 'dir', 'page'] },
	'GET /api/console/economy/map': { path: () => '/api/console/economy/map', as: 'staff' },
	'GET /api/console/economy/[code]': { path: (s) => `/api/console/economy/${s.buildingNM}`, as: 'staff' },
	'GET /api/console/targets': { path: () => '/api/console/targets?year=2031', as: 'admin', query: ['year'] },
	'PUT /api/console/targets/[park]': {
		path: (s) => `/api/console/targets/${s.park}`,
		as: 'admin',
		body: {
			kind: 'json',
			valid: () => ({ year: 2031, targetMu: 500, projectsToSign: 8, fundsYi: 3.5, foreignCapitalUsd: 1000000, buildingsOver100m: 1, buildingsOver50m: 2 })
		},
		access: { kind: 'admin' }
	},
	'POST /api/console/plots': {
		path: (s) => `/api/console/plots?park=${s.park}`,
		query: ['park'],
		as: 'staff',
		body: { kind: 'json', valid: () => ({ ...newPlotBody(), code: 'RES-PLOT-1', boundary: square(118.951, 37.951, 0.001) }) },
		access: { kind: 'park', foreign: () => '/api/console/plots?park=TE' }
	},
	'POST /api/console/plots/[code]/retire': {
		path: (s) => `/api/console/plots/${s.plotNM}/retire`,
		as: 'staff',
		destructive: true,
		body: { kind: 'json', valid: () => ({ version: 1, retired: true }) },
		access: { kind: 'park', foreign: (s) => `/api/console/plots/${s.plotTE}/retire` }
	},
	'POST /api/console/buildings': {
		path: (s) => `/api/console/buildings?park=${s.park}`,
		query: ['park'],
		as: 'staff',
		body: {
			kind: 'json',
			valid: () => ({
				code: 'RES-BLD-1',
				nameZh: '测试楼',
				nameEn: 'Test building',
				footprint: square(118.9512, 37.9512, 0.0003),
				kind: 'office',
				floors: 5,
				grossAreaM2: 4000,
				leasableAreaM2: 3500,
				rentYuanPerM2Day: null,
				ownerName: 'Owner',
				operatorName: null,
				businessFormats: [],
				taxTier: 'none',
				published: false
			})
		},
		access: { kind: 'park', foreign: () => '/api/console/buildings?park=TE' }
	},
	'POST /api/console/buildings/[code]/retire': {
		path: (s) => `/api/console/buildings/${s.buildingNM}/retire`,
		as: 'staff',
		destructive: true,
		body: { kind: 'json', valid: () => ({ version: 1, retired: true }) },
		access: { kind: 'park', foreign: (s) => `/api/console/buildings/${s.buildingTE}/retire` }
	},
	'POST /api/console/restore': {
		path: () => '/api/console/restore',
		as: 'staff',
		body: { kind: 'json', valid: (s) => ({ entity: 'plot', code: s.plotNM, auditId: 1, version: 1 }) },
		access: { kind: 'park', foreign: (s) => ({ entity: 'plot', code: s.plotTE, auditId: 1, version: 1 }) }
	},
	'POST /api/console/tours': { path: () => '/api/console/tours', as: 'staff', body: { kind: 'json', valid: tourBody }, access: { kind: 'staff' } },
	'GET /api/console/tours/[id]': { path: (s) => `/api/console/tours/${s.tourId}`, as: 'staff' },
	'PUT /api/console/tours/[id]': {
		path: (s) => `/api/console/tours/${s.tourId}`,
		as: 'staff',
		body: { kind: 'json', valid: async (s, c) => ({ ...tourBody(), version: (await editorState(c, `/api/console/tours/${s.tourId}`)).version }) },
		access: { kind: 'staff' }
	},
	'DELETE /api/console/tours/[id]': { path: (s) => `/api/console/tours/${s.tourId}`, as: 'staff', destructive: true, access: { kind: 'staff' } },
	'GET /api/console/tours/[id]/[format]': { path: (s) => `/api/console/tours/${s.tourId}/tour.gpx`, as: 'staff' },
	'POST /api/console/tours/[id]/copy': {
		path: (s) => `/api/console/tours/${s.tourId}/copy`,
		as: 'staff',
		body: { kind: 'json', valid: () => ({ title: 'Copy of the tour' }) },
		access: { kind: 'staff' }
	},
	'POST /api/console/tours/[id]/share': {
		path: (s) => `/api/console/tours/${s.tourId}/share`,
		as: 'staff',
		destructive: true,
		body: { kind: 'json', valid: () => ({ expiresAt: '2027-01-31T12:00:00Z' }) },
		access: { kind: 'staff' }
	},
	'DELETE /api/console/tours/[id]/share': { path: (s) => `/api/console/tours/${s.tourId}/share`, as: 'staff', destructive: true, access: { kind: 'staff' } },
	'POST /api/console/tours/optimise': {
		path: () => '/api/console/tours/optimise',
		as: 'staff',
		body: {
			kind: 'json',
			valid: () => ({
				locations: [
					[118.5, 37.42],
					[118.53, 37.41],
					[118.52, 37.43],
					[118.5, 37.42]
				]
			})
		},
		access: { kind: 'staff' }
	},
	'POST /api/console/tours/plan': {
		path: () => '/api/console/tours/plan',
		as: 'staff',
		body: { kind: 'json', valid: () => ({ startTime: '09:00', lunchAfterStop: null, lunchMin: 60, stops: tourBody().stops }) },
		access: { kind: 'staff' }
	},
	'GET /api/console/tours/stops': { path: (s) => `/api/console/tours/stops?sites=plot:${s.plotNM}`, as: 'staff', query: ['sites'] },
	'POST /api/enquiries': {
		path: () => '/api/enquiries',
		body: {
			kind: 'json',
			valid: (s) => ({
				siteKind: 'plot',
				siteCode: s.plotNM,
				company: 'JSON Ltd',
				contactName: 'Zhao',
				contactEmail: 'zhao@example.com',
				spaceNeeded: 30,
				spaceUnit: 'mu',
				message: 'Line 1\nLine 2'
			})
		},
		access: { kind: 'public' }
	},
	'GET /api/enquiries/[reference]': { path: (s) => `/api/enquiries/${s.reference}` },
	'GET /api/features/[layer]/[id]': { path: (s) => `/api/features/plots/${s.plotNM}`, query: ['by'] },
	'GET /api/health': { path: () => '/api/health' },
	'GET /api/heat': { path: () => '/api/heat?metric=available_land&z=12&bbox=118.45,37.35,118.6,37.45', query: ['metric', 'z', 'bbox', ...FINDER] },
	'GET /api/map': { path: () => '/api/map' },
	'POST /api/requirements': {
		path: () => '/api/requirements',
		body: {
			kind: 'json',
			valid: () => ({ company: 'Req Ltd', contactName: 'Sun', contactEmail: 'sun@example.com', filters: 'industry=new_materials&areaMin=20' })
		},
		access: { kind: 'public' }
	},
	'GET /api/search': { path: () => '/api/search?industry=new_materials', query: FINDER },
	'GET /api/taxonomy': { path: () => '/api/taxonomy' },
	'GET /api/tours/shared/[token]': { path: (s) => `/api/tours/shared/${s.token}` },
	'GET /api/tours/shared/[token]/[format]': { path: (s) => `/api/tours/shared/${s.token}/tour.kml` },
	'GET /basemap/[name]': { path: () => '/basemap/land.geojson' },
	'GET /console': { path: () => '/console', as: 'staff', query: ['q'] },
	'GET /console/account': { path: () => '/console/account', as: 'staff' },
	'POST /console/account?/default': {
		path: () => '/console/account',
		as: 'staff',
		destructive: true,
		body: { kind: 'form', valid: () => ({ current: 'not-the-password', next: 'a-new-password-1' }) },
		access: { kind: 'signed-in' }
	},
	'GET /console/buildings/[code]': { path: (s) => `/console/buildings/${s.buildingNM}`, as: 'staff' },
	'GET /console/plots/[code]': { path: (s) => `/console/plots/${s.plotNM}`, as: 'staff' },
	'GET /console/tours': { path: () => '/console/tours', as: 'staff' },
	'GET /console/imports': { path: () => '/console/imports', as: 'staff' },
	'GET /console/settings': { path: () => '/console/settings', as: 'admin' },
	'GET /console/parks': { path: () => '/console/parks', as: 'admin' },
	'GET /console/parks/new': { path: () => '/console/parks/new', as: 'admin' },
	'GET /console/parks/[code]': { path: (s) => `/console/parks/${s.park}`, as: 'admin', query: ['created'] },
	'GET /console/taxonomy': { path: () => '/console/taxonomy', as: 'admin' },
	'GET /console/facilities': { path: () => '/console/facilities', as: 'staff' },
	'GET /console/roads': { path: () => '/console/roads', as: 'staff' },
	'GET /console/land': { path: () => '/console/land', as: 'staff', query: ['year', 'park', 'stage', 'kind', 'due', 'q', 'page'] },
	'GET /console/land/print': { path: () => '/console/land/print', as: 'staff', query: ['year', 'park', 'stage', 'kind', 'due', 'q', 'page'] },
	'GET /console/land/thresholds': { path: () => '/console/land/thresholds', as: 'admin' },
	'GET /console/land/cases/[id]': { path: () => '/console/land/cases/1', as: 'staff' },
	'GET /console/economy': { path: () => '/console/economy', as: 'staff', query: ['park', 'kind', 'tier', 'q', 'flag', 'sort', 'dir', 'page'] },
	'GET /console/economy/print': { path: () => '/console/economy/print', as: 'staff', query: ['park', 'kind', 'tier', 'q', 'flag', 'sort', 'dir', 'page'] },
	'GET /console/economy/[code]': { path: (s) => `/console/economy/${s.buildingNM}`, as: 'staff' },
	'GET /console/targets': { path: () => '/console/targets', as: 'admin', query: ['year'] },
	'GET /console/plots/new': { path: () => '/console/plots/new', as: 'staff', query: ['park'] },
	'GET /console/buildings/new': { path: () => '/console/buildings/new', as: 'staff', query: ['park'] },
	'GET /console/users': { path: () => '/console/users', as: 'admin' },
	'GET /console/audit': { path: () => '/console/audit', as: 'admin', query: ['user', 'entity', 'record', 'action', 'from', 'to', 'page'] },
	'GET /console/tours/[id]': { path: (s) => `/console/tours/${s.tourId}`, as: 'staff', query: ['sites'] },
	'GET /console/tours/[id]/print': { path: (s) => `/console/tours/${s.tourId}/print`, as: 'staff' },
	'GET /photos/[id]': { path: (s) => `/photos/${s.photoId}` },
	'GET /signin': { path: () => '/signin', query: ['next'] },
	'POST /signin?/default': {
		path: () => '/signin',
		body: { kind: 'form', valid: () => ({ email: 'battery@zone.example', password: 'not-a-real-password' }) },
		access: { kind: 'public' }
	},
	'GET /setup': { path: () => '/setup' },
	'GET /invite/[token]': { path: () => '/invite/not-a-real-token' },
	'POST /invite/[token]?/default': {
		path: () => '/invite/not-a-real-token',
		body: { kind: 'form', valid: () => ({ password: 'a-long-enough-password' }) },
		access: { kind: 'public' }
	},
	'POST /setup?/default': {
		path: () => '/setup',
		body: { kind: 'form', valid: () => ({ email: 'second-admin@zone.example', name: 'Second', password: 'a-long-enough-password' }) },
		access: { kind: 'public' }
	},
	'POST /signout?/default': { path: () => '/signout', as: 'staff', destructive: true, access: { kind: 'public' } },
	'GET /tiles/[layer]/[z]/[x]/[y].mvt': { path: () => '/tiles/all/14/13585/6354.mvt' },
	'GET /tiles/matches/[z]/[x]/[y].mvt': { path: () => '/tiles/matches/14/13585/6354.mvt?industry=new_materials', query: [...FINDER, 'datum'] }
};
