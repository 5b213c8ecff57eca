/**
 * Opens the database: embedded PGlite + PostGIS when no DATABASE_URL is set, otherwise
 * PostgreSQL + PostGIS through the `postgres` driver. Both give the same drizzle API,
 * the same schema and the same migrations; code above this module never asks which.
 */
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import * as schema from './schema';
import { guardOutage } from './outage';

export type DbMode = 'embedded' | 'server';
export type Drizzle = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
	mode: DbMode;
	/** Where the data lives, safe to print: a data directory, or host:port/database (never the password). */
	where: string;
	db: Drizzle;
	/** Runs a statement and returns its rows, whichever driver is underneath. */
	rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
	/** Runs `fn` in one transaction; rows() inside it must use the `tx` handle it is given. */
	transaction<T>(fn: (tx: TxHandle) => Promise<T>): Promise<T>;
	close(): Promise<void>;
	/** The embedded instance, for snapshotting test databases; undefined in server mode. */
	pglite?: PGlite;
}

export interface TxHandle {
	db: Drizzle;
	rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
}

/** A startup failure with one line that tells the operator what to do. */
export class DatabaseStartupError extends Error {
	override name = 'DatabaseStartupError';
}

export interface OpenOptions {
	/** postgres://… URL; when absent the embedded database is used. */
	url?: string;
	/** Embedded data directory; `memory://` keeps it in memory. */
	dataDir?: string;
	/** Embedded only: start from a `dumpDataDir` snapshot (tests). */
	loadDataDir?: Blob | File;
	/** Where the drizzle-kit migrations are; defaults to db/migrations under the working directory. */
	migrationsFolder?: string;
	/** Apply pending migrations (default true). */
	migrate?: boolean;
}

export function defaultMigrationsFolder(): string {
	return path.resolve(process.env.SITEATLAS_MIGRATIONS ?? 'db/migrations');
}

/** host:port/database of a URL, without user or password. */
export function describeUrl(url: string): string {
	try {
		const u = new URL(url);
		return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname || '/'}`;
	} catch {
		return '(unparseable DATABASE_URL)';
	}
}

function rowsOf<T>(result: unknown): T[] {
	// postgres.js returns an array-like RowList; PGlite returns { rows }.
	if (Array.isArray(result)) return result as T[];
	return ((result as { rows?: T[] }).rows ?? []) as T[];
}

function wrap(db: Drizzle): TxHandle {
	return { db, rows: <T>(q: SQL) => guardOutage(async () => rowsOf<T>(await db.execute(q))) };
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
	const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
	if (options.migrate !== false && !existsSync(path.join(migrationsFolder, 'meta', '_journal.json'))) {
		throw new DatabaseStartupError(`No migrations found in ${migrationsFolder}: run SiteAtlas from the project folder or set SITEATLAS_MIGRATIONS.`);
	}
	return options.url ? openServer(options.url, migrationsFolder, options.migrate !== false) : openEmbedded(options, migrationsFolder);
}

async function openEmbedded(options: OpenOptions, migrationsFolder: string): Promise<Database> {
	const dataDir = options.dataDir ?? 'memory://';
	if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
	let pg: PGlite;
	try {
		pg = await PGlite.create({
			dataDir: dataDir.startsWith('memory://') ? undefined : dataDir,
			extensions: { postgis },
			loadDataDir: options.loadDataDir
		});
	} catch (e) {
		throw new DatabaseStartupError(
			`Cannot open the embedded database in ${dataDir}: ${(e as Error).message}. Delete the folder to start afresh, or set DATABASE_URL.`
		);
	}
	const db = drizzlePglite({ client: pg, schema }) as unknown as Drizzle;
	if (options.migrate !== false) await migratePglite(db as never, { migrationsFolder });
	const base = wrap(db);
	return {
		mode: 'embedded',
		where: dataDir,
		db,
		rows: base.rows,
		transaction: (fn) => db.transaction((tx) => fn(wrap(tx as unknown as Drizzle))),
		close: () => pg.close(),
		pglite: pg
	};
}

async function openServer(url: string, migrationsFolder: string, runMigrations: boolean): Promise<Database> {
	const where = describeUrl(url);
	const client = postgres(url, {
		max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
		onnotice: () => {},
		connect_timeout: 10,
		// The driver's own backoff grows with every failed connection of the pool (3^n / 100 s, up to
		// 20 s), so after a restart it would keep answering 503 for many seconds with the database
		// already back. Retry at most a second apart instead.
		backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
		// JIT compilation costs ~0.2 s per query and pays off only for long analytic scans; the
		// portal's queries take milliseconds, and set-returning PostGIS functions such as
		// ST_HexagonGrid carry cost estimates that would trigger it on every heat request.
		connection: { application_name: 'siteatlas', jit: 'off' }
	});
	try {
		await client`select 1`;
	} catch (e) {
		await client.end({ timeout: 1 }).catch(() => {});
		const err = e as NodeJS.ErrnoException;
		throw new DatabaseStartupError(`Cannot connect to PostgreSQL at ${where}: ${err.code ?? ''} ${err.message}`.replace(/\s+/g, ' ').trim());
	}
	const available = await client`select 1 from pg_available_extensions where name = 'postgis'`;
	if (available.length === 0) {
		await client.end({ timeout: 1 });
		throw new DatabaseStartupError(
			`PostgreSQL at ${where} has no PostGIS extension: install it on the server (Debian: apt-get install postgresql-15-postgis-3).`
		);
	}
	const db = drizzlePostgres({ client, schema }) as unknown as Drizzle;
	if (runMigrations) {
		try {
			await migratePostgres(db as never, { migrationsFolder });
		} catch (e) {
			await client.end({ timeout: 1 });
			const cause = (e as { cause?: Error }).cause;
			throw new DatabaseStartupError(`Migrating PostgreSQL at ${where} failed: ${cause?.message ?? (e as Error).message}`);
		}
	}
	const base = wrap(db);
	return {
		mode: 'server',
		where,
		db,
		rows: base.rows,
		transaction: (fn) => guardOutage(() => db.transaction((tx) => fn(wrap(tx as unknown as Drizzle)))),
		close: () => client.end({ timeout: 5 })
	};
}

/** Versions for /api/health. */
export async function describeDatabase(database: Database) {
	const [row] = await database.rows<{ pg: string; postgis: string }>(sql`select current_setting('server_version') as pg, postgis_lib_version() as postgis`);
	const migrations = await database
		.rows<{ count: number; last: string | null }>(sql`select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations`)
		.catch(() => [{ count: 0, last: null }]);
	return {
		mode: database.mode,
		postgres: row?.pg ?? 'unknown',
		postgis: row?.postgis ?? 'unknown',
		migrations: migrations[0]?.count ?? 0
	};
}

/**
 * A new, migrated database on a PostgreSQL server, dropped again when it is closed: for test
 * suites and benchmarks that need a zone of their own. `name` must be a plain identifier.
 */
export async function openScratchDatabase(serverUrl: string, name: string): Promise<Database> {
	if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a database name: ${name}`);
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists ${name}`);
	await admin.unsafe(`create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const db = await openDatabase({ url: url.toString() });
	return {
		...db,
		close: async () => {
			await db.close();
			await admin.unsafe(`drop database if exists ${name}`);
			await admin.end();
		}
	};
}
