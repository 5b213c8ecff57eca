/**
 * One import run, the same for the console, the API and the command line: read the file,
 * find its CRS and encoding (the user's choice, what the file says, or a proposal from its
 * numbers — never a silent assumption), convert and map every feature, stage them all in
 * PostGIS for the checks, compare with the database, and either report (dry run: the
 * transaction is rolled back, nothing is written) or commit all of it in that one
 * transaction. A commit with problems writes nothing unless told to leave those features out.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { intList } from '../db/lists';
import type { Feature, Geometry } from 'geojson';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireParkEditor } from '../auth/permissions';
import { requireImportRole } from './access';
import { importLimits } from '../config';
import { IMPORT_TARGETS, proposeMapping, type ImportTarget, type Mapping } from '../../domain/import/targets';
import { AREA_UNITS } from '../../domain/import/values';
import { MAX_LISTED_PROBLEMS, MAX_PREVIEW_FEATURES, type ImportOptions, type ImportProblem, type ImportReport } from '../../domain/import/report';
import type { MessageKey } from '../../i18n/messages';
import { areaUnitChoice, chooseCrs, survey, type Park, type Progress } from './detect';
import { userEncoding } from './encoding';
import { english, ImportFileError, ImportRefused } from './errors';
import { stageFeature, type FeatureProblem } from './features';
import { readSource } from './formats';
import { areaRatio, checkAreas, checkStage, createStage, diffStage, insertStage, markProblems, summariseDiff, type StageRow } from './stage';
import { writeStage } from './write';

export type { Progress };

export interface ImportFile {
	name: string;
	bytes: Uint8Array;
}

class DryRunDone extends Error {
	constructor(readonly report: ImportReport) {
		super('dry run');
	}
}

async function loadParks(db: Pick<Database, 'rows'>): Promise<Map<string, Park>> {
	const rows = await db.rows<{ id: number; code: string; name_zh: string; name_en: string; boundary: string; lon: number }>(sql`
		select id, code, name_zh, name_en, ST_AsGeoJSON(boundary, 7) as boundary, ST_X(ST_PointOnSurface(boundary)) as lon from parks`);
	return new Map(
		rows.map((r) => [
			r.code,
			{ id: Number(r.id), code: r.code, nameZh: r.name_zh, nameEn: r.name_en, boundary: JSON.parse(r.boundary), lon: Number(r.lon) } satisfies Park
		])
	);
}

/** Text samples of the attributes, to judge the encoding by eye. */
function sampleTexts(samples: string[], properties: Record<string, unknown>) {
	if (samples.length >= 6) return;
	for (const v of Object.values(properties)) {
		if (typeof v === 'string' && /[^\x20-\x7e]/.test(v) && !samples.includes(v) && samples.length < 6) samples.push(v.slice(0, 60));
	}
}

export async function runImport(
	db: Database,
	user: SessionUser | null,
	file: ImportFile,
	options: ImportOptions,
	mode: 'dry_run' | 'commit',
	progress?: Progress
): Promise<ImportReport> {
	const target = IMPORT_TARGETS[options.layer];
	if (!target) throw new ImportFileError('import.layer_unknown', { layer: String(options.layer).slice(0, 40) });
	const u = requireImportRole(user, target.layer);
	const limits = importLimits();
	if (file.bytes.length > limits.maxUploadBytes) throw new ImportFileError('import.too_large', { mb: Math.round(limits.maxUploadBytes / 1048576) }, 413);
	const parks = await loadParks(db);
	let park: Park | null = null;
	if (options.parkCode) {
		park = parks.get(options.parkCode) ?? null;
		if (!park) throw new ImportFileError('import.park_unknown', { park: options.parkCode.slice(0, 40) });
		if (target.who === 'editor') requireParkEditor(u, park.id);
	} else if (target.who === 'editor' && u.role === 'park_editor' && u.parkIds.length === 1) {
		park = [...parks.values()].find((p) => p.id === u.parkIds[0]) ?? null;
	}
	const parkScope = u.role === 'park_editor' ? u.parkIds : null;
	const sha256 = createHash('sha256').update(file.bytes).digest('hex');
	const source = await readSource(file.name, file.bytes, {
		encoding: userEncoding(options.encoding),
		maxUnpackedBytes: limits.maxUnpackedBytes,
		maxEntries: limits.maxEntries
	});
	const pass = await survey(source, limits, progress);
	const crs = target.geometry ? chooseCrs(source, options, pass, park) : null;
	const proposedMapping = proposeMapping(target, source.columns);
	const mapping = cleanMapping(target, options.mapping ?? proposedMapping, source.columns);
	const written = writtenFields(target, mapping);

	const run = async (tx: TxHandle): Promise<ImportReport> => {
		await createStage(tx);
		const problems: ImportProblem[] = [];
		const problemIdx = new Set<number>();
		const counts: Partial<Record<MessageKey, number>> = {};
		const unknown = new Map<string, Map<string, number>>();
		const seen = new Map<string, number>();
		const preview: Feature[] = [];
		const samples: string[] = [];
		const codes = new Map<number, string | null>();
		const locations = new Map<number, Geometry | null>();
		const add = (idx: number, p: FeatureProblem | { key: MessageKey; params: Record<string, string | number>; location?: Geometry | null }) => {
			counts[p.key] = (counts[p.key] ?? 0) + 1;
			problemIdx.add(idx);
			if (problems.length < MAX_LISTED_PROBLEMS) {
				problems.push({ index: idx, code: codes.get(idx) ?? null, key: p.key, params: p.params, message: '', location: p.location ?? null });
			}
		};
		let batch: StageRow[] = [];
		let done = 0;
		const flush = async () => {
			await insertStage(tx, batch);
			batch = [];
		};
		for await (const f of source.features()) {
			const staged = stageFeature(f, target, mapping, crs?.transform ?? null, limits.maxVertices);
			sampleTexts(samples, f.properties);
			codes.set(staged.idx, staged.code);
			if (staged.code) {
				const first = seen.get(staged.code);
				if (first !== undefined) staged.problems.push({ key: 'import.code_duplicate', params: { first } });
				else seen.set(staged.code, staged.idx);
			}
			let parkId: number | null = park?.id ?? null;
			if (staged.parkCode && target.layer !== 'parks') {
				const p = parks.get(staged.parkCode);
				if (!p) staged.problems.push({ key: 'import.park_unknown', params: { park: staged.parkCode } });
				else if (park && p.id !== park.id) staged.problems.push({ key: 'import.park_mismatch', params: { park: staged.parkCode } });
				else parkId = p.id;
			}
			for (const x of staged.unknown) {
				if (!unknown.has(x.field)) unknown.set(x.field, new Map());
				const m = unknown.get(x.field)!;
				m.set(x.value, (m.get(x.value) ?? 0) + 1);
			}
			for (const p of staged.problems) add(staged.idx, p);
			if (staged.geometry || !target.geometry) {
				batch.push({
					idx: staged.idx,
					code: staged.code,
					park_id: parkId,
					g: staged.geometry ? JSON.stringify(staged.geometry) : null,
					area_raw: staged.areaRaw,
					vals: staged.vals,
					ok: staged.problems.length === 0
				});
				if (staged.geometry && preview.length < MAX_PREVIEW_FEATURES) {
					preview.push({ type: 'Feature', id: staged.idx, geometry: staged.geometry, properties: { idx: staged.idx, code: staged.code } });
				}
			}
			if (batch.length >= 500) await flush();
			if (++done % 1000 === 0) progress?.('checking', done, pass.count);
		}
		await flush();
		progress?.('checking', done, pass.count);
		for (const p of await checkStage(tx, target.layer, parkScope)) add(p.idx, p);
		const ratio = mapping.areaAttr?.column ? await areaRatio(tx) : null;
		const areaUnit = areaUnitChoice(options, mapping, ratio);
		if (areaUnit) for (const p of await checkAreas(tx, AREA_UNITS[areaUnit.unit])) add(p.idx, p);
		await markProblems(tx, [...problemIdx]);
		await diffStage(tx, target.layer, written);
		const diff = await summariseDiff(tx, target.layer);
		// Problems without a place of their own are drawn at their feature.
		const unplaced = problems.filter((p) => !p.location).map((p) => p.index);
		if (unplaced.length) {
			const rows = await tx.rows<{ idx: number; loc: string }>(sql`
				select idx, ST_AsGeoJSON(ST_Centroid(ST_Envelope(geom)), 7) as loc from import_stage
				where geom is not null and idx in ${intList([...new Set(unplaced)])}`);
			for (const r of rows) locations.set(Number(r.idx), JSON.parse(r.loc));
		}
		for (const p of problems) {
			p.location ??= locations.get(p.index) ?? null;
			p.message = `Feature ${p.index}${p.code ? ` (${p.code})` : ''}: ${english(p.key, englishParams(p.params))}`;
		}
		const bounds = await stageBounds(tx);
		const report: ImportReport = {
			file: { name: file.name, bytes: file.bytes.length, sha256, format: source.format },
			layer: target.layer,
			park: park ? { code: park.code, nameZh: park.nameZh, nameEn: park.nameEn } : null,
			encoding: source.encoding ? { ...source.encoding, samples } : null,
			crs: crs
				? { code: crs.crs.code, name: crs.crs.name, rule: crs.rule, shift: crs.shift, proposals: crs.proposals }
				: { code: null, name: '', rule: 'none', shift: 'none', proposals: [] },
			notes: source.notes,
			counts: { features: pass.count, byType: pass.byType, withProblems: problemIdx.size, clean: pass.count - problemIdx.size },
			bounds,
			columns: source.columns,
			fields: target.fields.map((f) => ({ key: f.key, kind: f.kind, required: !!f.required, vocab: f.vocab ?? null, labels: f.labels ?? null })),
			mapping,
			proposedMapping,
			unknownValues: Object.fromEntries(
				[...unknown].map(([field, m]) => [
					field,
					[...m]
						.sort((a, b) => b[1] - a[1])
						.slice(0, 50)
						.map(([value, count]) => ({ value, count }))
				])
			),
			areaUnit,
			problems,
			problemCounts: counts,
			diff,
			preview: { type: 'FeatureCollection', features: preview },
			previewTruncated: pass.count > preview.length,
			committed: null
		};
		if (mode === 'dry_run') throw new DryRunDone(report);
		if (problemIdx.size > 0 && !options.skipProblems) throw new ImportRefused(report);
		progress?.('writing', 0, null);
		const [imp] = await tx.rows<{ id: number }>(sql`
			insert into imports (user_id, layer, park_id, file_name, file_bytes, file_sha256, format, crs, encoding, options, counts)
			values (${u.id}, ${target.layer}, ${park?.id ?? null}, ${file.name.slice(0, 255)}, ${file.bytes.length}, ${sha256}, ${source.format},
				${crs?.crs.code ?? crs?.crs.name ?? null}, ${source.encoding?.encoding ?? null}, ${JSON.stringify(recordedOptions(options, mapping))}::jsonb, '{}'::jsonb)
			returning id`);
		const importId = Number(imp.id);
		const written_ = await writeStage(tx, u, target.layer, importId, written, !!options.publish, target.layer === 'roads' && !!options.replaceRoads);
		const committed = { importId, ...written_, skipped: problemIdx.size };
		await tx.rows(sql`update imports set counts = ${JSON.stringify(committed)}::jsonb where id = ${importId}`);
		return { ...report, committed };
	};

	try {
		return await db.transaction(run);
	} catch (e) {
		if (e instanceof DryRunDone) return e.report;
		// A value the checks let through but a constraint refuses (integrity 23xxx, data 22xxx): the
		// transaction is rolled back, so nothing was written; say which rule refused it.
		const state = String((e as { code?: unknown }).code ?? '');
		if (/^2[23][0-9A-Z]{3}$/.test(state)) {
			const rule = (e as { constraint_name?: string; constraint?: string }).constraint_name ?? (e as { constraint?: string }).constraint ?? `SQLSTATE ${state}`;
			throw new ImportFileError('import.commit_refused', { detail: rule });
		}
		throw e;
	}
}

/** English labels for the field keys a problem names, for messages outside the console. */
function englishParams(params: Record<string, string | number>): Record<string, string | number> {
	if (typeof params.field !== 'string') return params;
	return { ...params, field: english(`import.field.${params.field}` as MessageKey) };
}

/** The mapping as the run uses it: only known fields, only columns the file has. */
function cleanMapping(target: ImportTarget, mapping: Mapping, columns: string[]): Mapping {
	const out: Mapping = {};
	for (const f of target.fields) {
		const line = mapping[f.key];
		const column = line?.column && columns.includes(line.column) ? line.column : null;
		const fallback = line?.fallback;
		out[f.key] = fallback === undefined || fallback === null || fallback === '' ? { column } : { column, fallback };
	}
	return out;
}

/** Fields the import writes: those with a column or a default (range fields as their min/max). */
function writtenFields(target: ImportTarget, mapping: Mapping): string[] {
	return target.fields
		.filter((f) => mapping[f.key]?.column || (mapping[f.key]?.fallback !== undefined && mapping[f.key]?.fallback !== null))
		.flatMap((f) => (f.kind === 'range' ? [`${f.key}Min`, `${f.key}Max`] : [f.key]));
}

function recordedOptions(options: ImportOptions, mapping: Mapping) {
	return {
		park: options.parkCode ?? null,
		crs: options.crs ?? null,
		encoding: options.encoding ?? null,
		shift: options.shift ?? 'none',
		areaUnit: options.areaUnit ?? null,
		publish: !!options.publish,
		skipProblems: !!options.skipProblems,
		replaceRoads: !!options.replaceRoads,
		sevenParams: options.sevenParams ?? null,
		mapping
	};
}

async function stageBounds(tx: TxHandle): Promise<[number, number, number, number] | null> {
	const [b] = await tx.rows<{ x1: number | null; y1: number; x2: number; y2: number }>(sql`
		select ST_XMin(e) as x1, ST_YMin(e) as y1, ST_XMax(e) as x2, ST_YMax(e) as y2 from (select ST_Extent(geom)::geometry as e from import_stage) x`);
	return b && b.x1 !== null ? [Number(b.x1), Number(b.y1), Number(b.x2), Number(b.y2)] : null;
}
