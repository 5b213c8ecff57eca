/**
 * Tour routing benchmark on the sample network (embedded mode).
 *   npm run bench:tours
 * A 10-stop tour (hotel, eight sites across the parks, back to the hotel): routing plus the
 * schedule, 20 runs; optimising the order of the same 10 stops, 10 runs. Medians and p95.
 */
import { sql } from 'drizzle-orm';
import type { Position } from 'geojson';
import { openDatabase } from '../src/lib/server/db/client';
import { ensureSampleZone } from '../src/lib/server/sample/load';
import { roadGraph } from '../src/lib/server/tours/graph';
import { routeStops, timeMatrix } from '../src/lib/geo/routing';
import { schedule } from '../src/lib/domain/schedule';
import { optimiseOrder } from '../src/lib/domain/tour-order';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const db = await openDatabase({ dataDir: 'memory://' });
await ensureSampleZone(db, '2026-11-01');
const [hotel] = await db.rows<{ lon: number; lat: number }>(sql`select ST_X(location) as lon, ST_Y(location) as lat from facilities where code = 'hotel-blue-ocean'`);
const sites = await db.rows<{ lon: number; lat: number }>(sql`
	select ST_X(ST_PointOnSurface(p.boundary)) as lon, ST_Y(ST_PointOnSurface(p.boundary)) as lat
	from plots p join parks k on k.id = p.park_id
	where p.supply_status = 'available' and k.code in ('NM', 'TE', 'AV', 'SE') order by p.code limit 40`);
const picked = [0, 5, 10, 15, 20, 25, 30, 35].map((i) => sites[i]);
const stops: Position[] = [[hotel.lon, hotel.lat], ...picked.map((s) => [Number(s.lon), Number(s.lat)]), [hotel.lon, hotel.lat]].map((p) => [Number(p[0]), Number(p[1])]);

let t = performance.now();
const graph = await roadGraph(db);
console.log(`Road graph: ${graph.roads.length} roads, ${graph.nodes.length} nodes, built in ${(performance.now() - t).toFixed(0)} ms (once per roads version)`);

const route: number[] = [];
let last;
for (let i = 0; i < 20; i++) {
	t = performance.now();
	last = routeStops(graph, stops);
	schedule('09:00', stops.map((_, j) => ({ dwellMin: j === 0 || j === stops.length - 1 ? 0 : 25 })), last.legs.map((l) => l.durationS), { afterStop: 4, minutes: 60 });
	route.push(performance.now() - t);
}
console.log(`10-stop tour, routing + schedule × 20: median ${pct(route, 50).toFixed(1)} ms, p95 ${pct(route, 95).toFixed(1)} ms (${(last!.distanceM / 1000).toFixed(1)} km, ${(last!.durationS / 60).toFixed(0)} min driving)`);

const opt: number[] = [];
let result;
for (let i = 0; i < 10; i++) {
	t = performance.now();
	result = optimiseOrder(timeMatrix(graph, stops));
	opt.push(performance.now() - t);
}
console.log(`Optimising the order of 10 stops × 10: median ${pct(opt, 50).toFixed(1)} ms, p95 ${pct(opt, 95).toFixed(1)} ms (driving ${(result!.givenCostS / 60).toFixed(0)} → ${(result!.costS / 60).toFixed(0)} min)`);
await db.close();
