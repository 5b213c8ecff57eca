/** Loads a fixture zone (GeoJSON, one feature per record, `properties.layer` says which) into an empty database. */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Feature, FeatureCollection } from 'geojson';
import type { Database } from '../../src/lib/server/db/client';
import { CHAINS, INDUSTRIES } from '../../src/lib/server/sample/taxonomy';

const geo = (f: Feature) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(f.geometry)}), 4326)`;

export async function loadFixture(db: Database, file: string): Promise<void> {
	const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
	const of = (layer: string) => fc.features.filter((f) => f.properties?.layer === layer);
	await db.transaction(async (tx) => {
		for (const [i, ind] of INDUSTRIES.entries()) {
			await tx.rows(sql`insert into industries (code, name_zh, name_en, grp, sort_order) values (${ind.code}, ${ind.nameZh}, ${ind.nameEn}, ${ind.grp}, ${i})`);
		}
		for (const c of CHAINS) {
			await tx.rows(
				sql`insert into chains (code, industry_id, name_zh, name_en) select ${c.code}, id, ${c.nameZh}, ${c.nameEn} from industries where code = ${c.industry}`
			);
			for (const [i, l] of c.links.entries()) {
				await tx.rows(
					sql`insert into chain_links (code, chain_id, position, name_zh, name_en) select ${l.code}, id, ${i + 1}, ${l.nameZh}, ${l.nameEn} from chains where code = ${c.code}`
				);
			}
		}
		for (const f of of('park')) {
			const p = f.properties!;
			await tx.rows(sql`insert into parks (code, name_zh, name_en, kind, boundary, area_m2, operator_zh, operator_en, contact_phone, published)
				values (${p.code}, ${'园区' + p.code}, ${'Park ' + p.code}, 'industrial_park', ${geo(f)}, ST_Area(${geo(f)}::geography), '运营方', 'Operator', '0546-0000000', ${p.published})`);
			for (const ind of p.industries) {
				await tx.rows(
					sql`insert into park_industries (park_id, industry_id, is_leading) select pk.id, i.id, true from parks pk, industries i where pk.code = ${p.code} and i.code = ${ind}`
				);
			}
			for (const ch of p.chains) {
				await tx.rows(sql`insert into park_chains (park_id, chain_id) select pk.id, c.id from parks pk, chains c where pk.code = ${p.code} and c.code = ${ch}`);
			}
		}
		for (const f of of('plot')) {
			const p = f.properties!;
			await tx.rows(sql`insert into plots (code, park_id, boundary, area_m2, land_use, readiness, readiness_items, supply_status,
					price_wan_per_mu, published, confirmed_at)
				select ${p.code}, pk.id, ${geo(f)}, ST_Area(${geo(f)}::geography), ${p.land_use}, 'serviced',
					string_to_array(${p.readiness.join(',')}, ','), ${p.supply_status}, ${p.price}, ${p.published},
					now() - make_interval(days => ${p.confirmed_days_ago})
				from parks pk where pk.code = ${p.park}`);
			for (const ind of p.industries) {
				await tx.rows(
					sql`insert into plot_industries (plot_id, industry_id) select pl.id, i.id from plots pl, industries i where pl.code = ${p.code} and i.code = ${ind}`
				);
			}
		}
		for (const f of of('facility')) {
			const p = f.properties!;
			await tx.rows(sql`insert into facilities (code, kind, name_zh, name_en, location) values (${p.code}, ${p.kind}, ${p.code}, ${p.code}, ${geo(f)})`);
		}
		for (const f of of('enterprise')) {
			const p = f.properties!;
			await tx.rows(sql`insert into enterprises (name_zh, name_en, industry_id, chain_link_id, location)
				select ${p.name}, ${p.name}, c.industry_id, l.id, ${geo(f)} from chain_links l join chains c on c.id = l.chain_id where l.code = ${p.link}`);
		}
		for (const f of of('building')) {
			const p = f.properties!;
			const total = (p.units as [string, number][]).reduce((s, [, a]) => s + a, 0);
			await tx.rows(sql`insert into buildings (code, park_id, name_zh, name_en, footprint, kind, floors, gross_area_m2, leasable_area_m2,
					rent_yuan_per_m2_day, owner_name, published)
				select ${p.code}, pk.id, ${p.code}, ${p.code}, ${geo(f)}, ${p.kind}, 5, ${total * 1.2}, ${total}, ${p.rent}, 'Owner', ${p.published}
				from parks pk where pk.code = ${p.park}`);
			for (const [i, [status, area]] of (p.units as [string, number][]).entries()) {
				await tx.rows(
					sql`insert into units (building_id, floor, unit_no, area_m2, status) select id, ${i + 1}, ${'U' + (i + 1)}, ${area}, ${status} from buildings where code = ${p.code}`
				);
			}
		}
	});
}
