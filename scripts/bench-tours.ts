/**
 * Tour routing benchmark on the sample network.
 *   npm run bench:tours                               embedded database
 *   BENCH_DATABASE_URL=postgres://… npm run bench:tours   server mode too
 * A 10-stop tour (hotel, eight plots across four parks, back to the hotel), measured as the
 * editor's calls run on the server: planning (road graph lookup, routing, joining the legs,
 * the timetable with lunch) × 20, and optimising the order of the same 10 stops × 10.
 * Medians and p95, one run; the first build of the road graph is reported on its own.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import { ensureSampleZone } from '../src/lib/server/sample/load';
import { optimiseTour, planTour, roadGraph } from '../src/lib/server/tours/graph';
import type { TourStop } from '../src/lib/domain/tour-schema';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function bench(label: string, db: Database) {
	await ensureSampleZone(db, '2026-11-01');
	const [hotel] = await db.rows<{ lon: number; lat: number }>(
		sql`select ST_X(location) as lon, ST_Y(location) as lat from facilities where code = 'hotel-blue-ocean'`
	);
	const sites = await db.rows<{ code: string; lon: number; lat: number }>(sql`
		select p.code, ST_X(ST_PointOnSurface(p.boundary)) as lon, ST_Y(ST_PointOnSurface(p.boundary)) as lat
		from plots p join parks k on k.id = p.park_id
		where p.supply_status = 'available' and k.code in ('NM', 'TE', 'AV', 'SE') order by p.code limit 40`);
	const at = (lon: unknown, lat: unknown): [number, number] => [Number(lon), Number(lat)];
	const stop = (code: string | null, location: [number, number], dwellMin: number): TourStop => ({
		siteKind: code ? 'plot' : 'point',
		code,
		location,
		label: code ?? 'Hotel',
		dwellMin,
		notes: '',
		contact: ''
	});
	const stops = [
		stop(null, at(hotel.lon, hotel.lat), 0),
		...[0, 5, 10, 15, 20, 25, 30, 35].map((i) => stop(sites[i].code, at(sites[i].lon, sites[i].lat), 25)),
		stop(null, at(hotel.lon, hotel.lat), 0)
	];
	const tour = { startTime: '08:30', lunchAfterStop: 4, lunchMin: 60, stops };

	let t = performance.now();
	const graph = await roadGraph(db);
	console.log(
		`${label}: road graph of ${graph.roads.length} road pieces and ${graph.nodes.length} nodes built in ${ms(performance.now() - t)} (once per roads data version)`
	);

	const plan: number[] = [];
	let last;
	for (let i = 0; i < 20; i++) {
		t = performance.now();
		last = await planTour(db, tour);
		plan.push(performance.now() - t);
	}
	console.log(
		`${label}: 10-stop tour, routing + timetable × 20: median ${ms(pct(plan, 50))}, p95 ${ms(pct(plan, 95))} (${(last!.distanceM / 1000).toFixed(1)} km, ${(last!.durationS / 60).toFixed(0)} min driving, ${tour.startTime}–${last!.endTime})`
	);

	const opt: number[] = [];
	let result;
	for (let i = 0; i < 10; i++) {
		t = performance.now();
		result = await optimiseTour(
			db,
			stops.map((s) => s.location)
		);
		opt.push(performance.now() - t);
	}
	console.log(
		`${label}: optimising the order of 10 stops × 10: median ${ms(pct(opt, 50))}, p95 ${ms(pct(opt, 95))} (driving ${(result!.givenCostS / 60).toFixed(0)} → ${(result!.costS / 60).toFixed(0)} min)`
	);
	await db.close();
}

await bench('embedded', await openDatabase({ dataDir: 'memory://' }));
if (process.env.BENCH_DATABASE_URL) await bench('server', await openDatabase({ url: process.env.BENCH_DATABASE_URL }));
