/**
 * The pipeline's benchmark: server time of the enquiry inbox, the project pipeline (with its
 * warnings), the rates, the chain map, the demand report and the dispatch sheet's map.
 *   npm run bench:pipeline                                    embedded (PGlite)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:pipeline    a PostgreSQL + PostGIS server too
 *
 * Each database gets the sample zone (34 enquiries, 54 projects), then a busy zone's pipeline:
 * the sample's enquiries, projects (with problems and weekly updates) and demand copied to about
 * 20,000 enquiries and 2,000 projects. Figures are medians (and p95) of 20 warm calls, as staff
 * (every park) and as a park editor.
 */
import { sql } from 'drizzle-orm';
import { time } from './bench-util';
import { openDatabase, openScratchDatabase, type Database } from '../src/lib/server/db/client';
import { loadSampleZone } from '../src/lib/server/sample/load';
import { generateSampleZone } from '../src/lib/server/sample/generate';
import { userByEmail, type SessionUser } from '../src/lib/server/auth';
import { listInbox } from '../src/lib/server/pipeline/inbox';
import { listPipeline, pipelineProjects } from '../src/lib/server/pipeline/projects';
import { pipelineRates } from '../src/lib/server/pipeline/rates';
import { chainMap } from '../src/lib/server/pipeline/chains';
import { demandReport } from '../src/lib/server/pipeline/demand';
import { dispatchMapSvg } from '../src/lib/server/pipeline/print-map';
import { inboxFilterSchema, pipelineFilterSchema } from '../src/lib/domain/pipeline-schemas';

async function measure(db: Database, label: string) {
	const staff = (await userByEmail(db, 'staff@demo.siteatlas')) as SessionUser;
	const editor = (await userByEmail(db, 'editor-nm@demo.siteatlas')) as SessionUser;
	const [n] = await db.rows<{ enquiries: number; projects: number }>(
		sql`select (select count(*) from enquiries)::int as enquiries, (select count(*) from projects)::int as projects`
	);
	const inbox = inboxFilterSchema.parse({});
	const pipeline = pipelineFilterSchema.parse({});
	const year = new Date().getFullYear();
	const rows: [string, { p50: number; p95: number }][] = [
		['inbox, staff, page 1', await time(() => listInbox(db, staff, inbox))],
		['inbox, staff, not contacted in time', await time(() => listInbox(db, staff, { ...inbox, flag: 'late' }))],
		['inbox, park editor', await time(() => listInbox(db, editor, inbox))],
		['pipeline, staff, page 1', await time(() => listPipeline(db, staff, pipeline))],
		['pipeline, staff, with warnings', await time(() => listPipeline(db, staff, { ...pipeline, warning: 'any' }))],
		['pipeline, park editor', await time(() => listPipeline(db, editor, pipeline))],
		['rates, staff', await time(() => pipelineRates(db, staff, year))],
		['chain map', await time(() => chainMap(db, staff))],
		['demand report, 12 weeks', await time(() => demandReport(db, staff))],
		['dispatch sheet map (SVG), staff', await time(async () => dispatchMapSvg(db, await pipelineProjects(db, staff, pipeline), (_p, i) => String(i)))]
	];
	console.log(`\n${label}: ${n.enquiries} enquiries, ${n.projects} projects`);
	for (const [what, t] of rows) console.log(`  ${what.padEnd(40)} p50 ${t.p50.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ms`);
}

/** Copies the sample's pipeline until it holds about `enquiries` enquiries and `projects` projects. */
async function scale(db: Database, enquiries: number, projects: number) {
	const [{ e0, p0 }] = await db.rows<{ e0: number; p0: number }>(
		sql`select (select count(*) from enquiries)::int as e0, (select count(*) from projects)::int as p0`
	);
	const eCopies = Math.ceil(enquiries / e0) - 1;
	const pCopies = Math.ceil(projects / p0) - 1;
	await db.transaction(async (tx) => {
		await tx.rows(sql`
			insert into enquiries (reference, site_kind, plot_id, building_id, park_id, company, contact_name, contact_email, contact_phone, industry_id,
				space_needed_m2, message, locale, status, lost_reason, owner_id, created_at, status_at, contacted_at)
			select e.reference || '-' || k, e.site_kind, e.plot_id, e.building_id, e.park_id, e.company, e.contact_name, e.contact_email, e.contact_phone,
				e.industry_id, e.space_needed_m2, e.message, e.locale, e.status, e.lost_reason, e.owner_id, e.created_at - make_interval(days => k % 300),
				e.status_at, e.contacted_at
			from generate_series(1, ${eCopies}) k cross join enquiries e`);
		await tx.rows(sql`
			insert into projects (name_zh, name_en, investor_name, industry_id, chain_link_id, stage, park_id, plot_id, building_id, investment_wan,
				funds_in_place_wan, foreign_capital_usd, lead_at, negotiation_at, signed_at, started_at, production_at, feedback_at, officer_name, leader_name,
				milestones, last_update_on, notes)
			select j.name_zh || ' ' || k, j.name_en || ' ' || k, j.investor_name, j.industry_id, j.chain_link_id, j.stage, j.park_id, j.plot_id, j.building_id,
				j.investment_wan, j.funds_in_place_wan, j.foreign_capital_usd, j.lead_at, j.negotiation_at, j.signed_at, j.started_at, j.production_at,
				j.feedback_at, j.officer_name, j.leader_name, j.milestones, j.last_update_on, j.id::text
			from generate_series(1, ${pCopies}) k cross join projects j`);
		await tx.rows(sql`
			insert into project_problems (project_id, text, owner, due_on, resolved_on)
			select x.id, q.text, q.owner, q.due_on, q.resolved_on from projects x join project_problems q on q.project_id::text = x.notes`);
		await tx.rows(sql`
			insert into project_updates (project_id, week_of, progress, next_steps, funds_in_place_wan)
			select x.id, w.week_of, w.progress, w.next_steps, w.funds_in_place_wan from projects x join project_updates w on w.project_id::text = x.notes`);
	});
	await db.rows(sql`analyze`);
}

async function run(label: string, open: () => Promise<Database>) {
	const db = await open();
	try {
		await loadSampleZone(db, generateSampleZone({ asOf: new Date().toISOString().slice(0, 10) }));
		await measure(db, `${label}, sample zone`);
		const t = performance.now();
		await scale(db, 20_000, 2_000);
		console.log(`\n[${label}] scaled in ${((performance.now() - t) / 1000).toFixed(1)} s`);
		await measure(db, `${label}, busy zone`);
	} finally {
		await db.close();
	}
}

await run('embedded', () => openDatabase({ dataDir: 'memory://' }));
if (process.env.BENCH_DATABASE_URL) await run('server', () => openScratchDatabase(process.env.BENCH_DATABASE_URL!, `siteatlas_bench_pipeline_${process.pid}`));
