/**
 * Loads Prisma's schema engine compiled to WebAssembly and opens it on a
 * SQLite database through the better-sqlite3 driver adapter, or on a
 * PostgreSQL database through the pg driver adapter.
 *
 * The native schema engine would have to be downloaded, which this project
 * never does. The wasm build ships in `@prisma/schema-engine-wasm`; its entry
 * module imports the `.wasm` file as an ES module, which Node 20 only allows
 * with `--experimental-wasm-modules`, so the module is compiled and
 * instantiated here by hand against its JS glue (`schema_engine_bg.js`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { isPostgresUrl } from './migration-files.ts';

let loaded: Promise<typeof glue.SchemaEngine> | undefined;

/** The part of the WebAssembly global used here (the DOM lib that types it is not loaded). */
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: Record<string, object>): Promise<{ exports: Record<string, unknown> }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The wasm glue reports panics to this global registry; give it one that keeps the message. */
function installPanicRegistry(): void {
  const holder = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
  if (holder.PRISMA_WASM_PANIC_REGISTRY !== undefined) return;
  const registry = {
    message: '',
    set_message(message: string): void {
      registry.message = `RuntimeError: ${message}`;
    },
  };
  holder.PRISMA_WASM_PANIC_REGISTRY = registry;
}

async function instantiate(): Promise<typeof glue.SchemaEngine> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = readFileSync(join(dirname(gluePath), 'schema_engine_bg.wasm'));
  installPanicRegistry();
  const module = await wasmApi.compile(bytes);
  const instance = await wasmApi.instantiate(module, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return glue.SchemaEngine;
}

/** The schema engine class, instantiated once per process. */
function engineClass(): Promise<typeof glue.SchemaEngine> {
  loaded ??= instantiate();
  return loaded;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The pg adapter for the engine. Introspecting a database (the drift check)
 * reads catalog columns of PostgreSQL's one-byte `"char"` type, which the
 * adapter refuses as unsupported; the values arrive as strings, so those
 * columns are reported as text.
 */
function postgresFactory(databaseUrl: string): PrismaPg {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  const charAsText = async (config: pg.QueryConfig): Promise<pg.QueryResult> => {
    const result = await query(config);
    for (const field of result.fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  pool.query = charAsText as unknown as typeof pool.query;
  return new PrismaPg(pool, { disposeExternalPool: true });
}

/** An open schema engine and the connections it opened, closed together. */
export interface OpenEngine {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/**
 * Opens the schema engine on `databaseUrl` (`file:…`, `file::memory:` or
 * `postgres://…`), with `schema` as its datamodel. SQLite's shadow database
 * is in memory; PostgreSQL's is a throw-away database the adapter creates.
 */
export async function openSchemaEngine(
  databaseUrl: string,
  schema: { path: string; content: string },
  log: (line: string) => void = () => {},
): Promise<OpenEngine> {
  const Engine = await engineClass();
  const inner: SqlMigrationAwareDriverAdapterFactory = isPostgresUrl(databaseUrl)
    ? postgresFactory(databaseUrl)
    : new PrismaBetterSqlite3({ url: databaseUrl }, { shadowDatabaseUrl: ':memory:' });
  const opened: SqlDriverAdapter[] = [];
  // Tracks every connection the engine opens, so close() releases file handles.
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      opened.push(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const adapter = await inner.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const engine = await Engine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  return {
    engine,
    async close() {
      engine.free();
      for (const adapter of opened.splice(0)) await adapter.dispose();
    },
  };
}
