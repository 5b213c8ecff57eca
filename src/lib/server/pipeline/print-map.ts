/**
 * The dispatch sheet's map, drawn on the server as SVG so that it prints sharp on any printer
 * (no WebGL canvas on paper): the parks' outlines, the main roads, and each project as its
 * stage's symbol numbered as in the table beside it. A plain equirectangular projection scaled
 * by the cosine of the zone's latitude is true enough at a zone's size.
 */
import { sql } from 'drizzle-orm';
import type { TxHandle } from '../db/client';
import { STAGE_SYMBOLS, WARNING_COLOUR } from '../../map/stage-symbols';
import type { Project } from './projects';
import { escapeXml } from '../../domain/markup';

type Rows = Pick<TxHandle, 'rows'>;

export async function dispatchMapSvg(
	db: Rows,
	projects: readonly Project[],
	label: (p: Project, n: number) => string,
	width = 1000,
	height = 560
): Promise<string> {
	const parks = await db.rows<{ name: string; geojson: string }>(sql`
		select name_zh as name, ST_AsGeoJSON(ST_SimplifyPreserveTopology(boundary, 0.0002), 5) as geojson from parks where published order by code`);
	const roads = await db.rows<{ geojson: string; cls: string }>(sql`
		select ST_AsGeoJSON(ST_Simplify(geom, 0.0002), 5) as geojson, road_class as cls from roads where road_class in ('expressway', 'arterial')`);
	const rings: [number, number][][] = [];
	for (const p of parks) {
		const g = JSON.parse(p.geojson) as { type: string; coordinates: [number, number][][][] };
		for (const poly of g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates as unknown as [number, number][][]]) rings.push(poly[0]);
	}
	const lines = roads.map((r) => ({ cls: r.cls, coords: (JSON.parse(r.geojson) as { coordinates: [number, number][] }).coordinates }));
	const pts = projects.filter((p) => p.lon !== null && p.lat !== null);
	const all = [...rings.flat(), ...pts.map((p) => [p.lon!, p.lat!] as [number, number])];
	if (all.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"></svg>`;
	const xs = all.map((c) => c[0]);
	const ys = all.map((c) => c[1]);
	const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
	const pad = 24;
	const scale = Math.min((width - 2 * pad) / Math.max((e - w) * k, 1e-6), (height - 2 * pad) / Math.max(n - s, 1e-6));
	const ox = (width - (e - w) * k * scale) / 2;
	const oy = (height - (n - s) * scale) / 2;
	const X = (lon: number) => (ox + (lon - w) * k * scale).toFixed(1);
	const Y = (lat: number) => (oy + (n - lat) * scale).toFixed(1);
	const path = (cs: [number, number][]) => cs.map((c, i) => `${i ? 'L' : 'M'}${X(c[0])} ${Y(c[1])}`).join('');
	const out: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, 'Noto Sans CJK SC', sans-serif">`,
		`<rect width="${width}" height="${height}" fill="#ffffff"/>`
	];
	for (const l of lines) out.push(`<path d="${path(l.coords)}" fill="none" stroke="#94a3b8" stroke-width="${l.cls === 'expressway' ? 3 : 1.6}"/>`);
	for (const r of rings) out.push(`<path d="${path(r)}Z" fill="#f1f5f9" stroke="#475569" stroke-width="1"/>`);
	pts.forEach((p, i) => {
		const x = Number(X(p.lon!));
		const y = Number(Y(p.lat!));
		const sym = STAGE_SYMBOLS[p.stage];
		const g = [`<g transform="translate(${(x - 10).toFixed(1)} ${(y - 10).toFixed(1)})" data-stage="${p.stage}">`];
		if (p.warnings.length) g.push(`<circle cx="10" cy="10" r="11.5" fill="none" stroke="${WARNING_COLOUR}" stroke-width="2.4"/>`);
		g.push(`<path d="${sym.path}" fill="${sym.colour}" stroke="#ffffff" stroke-width="1.2"/>`);
		g.push(`<text x="22" y="14" font-size="12" fill="#0f172a" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(label(p, i + 1))}</text>`);
		g.push('</g>');
		out.push(g.join(''));
	});
	out.push('</svg>');
	return out.join('\n');
}
