import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { createAdapterFactory } from '../create-adapter-factory';
import type { DatabaseConfig } from '../database-config';

// Kept on globalThis: the Wasm bindings module is one per process, while a test runner may load
// this file more than once (one module graph per project).
const state = globalThis as { schemaEngineReady?: Promise<void>; schemaEngineQueue?: Promise<unknown> };

/**
 * Prisma's Wasm schema engine, instantiated by hand rather than through its `import x from '.wasm'`
 * entry point. Still needed on the supported Node.js versions: Node 22 imports `.wasm` only with
 * --experimental-wasm-modules, and tsx and Vitest do not load such imports at all.
 */
function instantiateEngine(): Promise<void> {
  state.schemaEngineReady ??= (async () => {
    // The engine reports a Rust panic's message here before turning it into a rejected promise.
    const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    registry.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        console.error(`Prisma schema engine panicked: ${message}`);
      },
    };
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmBytes = readFileSync(path.join(path.dirname(bindingsPath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(wasmBytes, { './schema_engine_bg.js': engineBindings });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return state.schemaEngineReady;
}

export type EngineLog = (message: string) => void;

/**
 * Runs `work` with a schema engine connected to the given database, then frees it. The Wasm
 * engine shares one memory per process and is not safe to drive concurrently (seen here: two
 * interleaved engines corrupt each other's strings), so uses are queued one after another.
 */
export function withSchemaEngine<T>(
  options: { config: DatabaseConfig; datamodel: { path: string; content: string }; onLog?: EngineLog },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const run = (state.schemaEngineQueue ?? Promise.resolve()).then(async () => {
    await instantiateEngine();
    const factory: SqlMigrationAwareDriverAdapterFactory =
      options.config.provider === 'postgresql'
        ? new PrismaPg({ connectionString: options.config.connectionString, max: 2, Client: CharAsTextClient })
        : createAdapterFactory(options.config);
    // engine.free() leaves the engine's connections open (an open SQLite handle keeps the file
    // locked for other processes), so they are tracked and closed here.
    const opened: SqlDriverAdapter[] = [];
    const adapterFactory = bindMigrationAwareSqlAdapterFactory({
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => {
        const adapter = await factory.connect();
        opened.push(adapter);
        return adapter;
      },
      connectToShadowDb: async () => {
        const adapter = await factory.connectToShadowDb();
        opened.push(adapter);
        return adapter;
      },
    });
    const engine = await engineBindings.SchemaEngine.new(
      { datamodels: [[options.datamodel.path, options.datamodel.content]] },
      (message: string) => options.onLog?.(message),
      adapterFactory,
    );
    try {
      return await work(engine);
    } finally {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => undefined)));
    }
  });
  state.schemaEngineQueue = run.catch(() => undefined);
  return run;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The engine reads PostgreSQL's catalogs, whose one-byte `"char"` columns (pg_constraint.contype...)
 * @prisma/adapter-pg 7.10 refuses as an unsupported type. Their values are plain strings, so they
 * are reported as text. Used for the schema engine's connections only.
 */
class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query() has a dozen overloads
  override query(...args: any[]): any {
    const last = args.at(-1);
    // pg.Pool calls with a callback; direct (transaction) clients use the promise.
    if (typeof last === 'function') {
      args[args.length - 1] = (error: Error | null, result: pg.QueryResult) => last(error, reportCharAsText(result));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const returned = (super.query as (...a: any[]) => any)(...args);
    return returned && typeof returned.then === 'function' ? returned.then(reportCharAsText) : returned;
  }
}

function reportCharAsText(result: pg.QueryResult | undefined) {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}
