import { first } from '@chibo/domain';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from 'typeorm';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Bulk loading for the seed and the imports: rows written with `COPY … FROM STDIN` (PostgreSQL) or, where COPY is
 * not available (the embedded PGlite behind its socket: a COPY there ends the connection), with multi-row
 * `INSERT … SELECT FROM unnest(…)` statements. Either way one round trip carries thousands of rows.
 */

/** A value of a bulk row: text, number, boolean, a text array (text[] columns), or null. */
export type BulkValue = string | number | boolean | null | undefined | readonly string[];

/** Column name and its PostgreSQL type (for the unnest path's casts), e.g. ['organisation_id', 'uuid']. */
export type BulkColumn = readonly [name: string, type: string];

const copyCapable = new WeakMap<object, Promise<boolean>>();

/** Whether the server takes COPY FROM STDIN on this connection's kind of server (not the embedded PGlite). */
export const copySupported = (m: EntityManager): Promise<boolean> => {
  const key = m.connection;
  let known = copyCapable.get(key);
  if (!known) {
    known = m
      .query(`SELECT version() AS v`)
      .then(
        (rows: { v: string }[]) =>
          !/PGlite/i.test(first(rows, 'version() row').v) && process.env.CHIBO_BULK_COPY !== '0',
      );
    copyCapable.set(key, known);
  }
  return known;
};

/** A PostgreSQL array literal of text elements: {"a","b \"c\""}. */
const arrayLiteral = (xs: readonly string[]): string =>
  `{${xs.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

const asText = (v: BulkValue): string | null => {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return arrayLiteral(v as readonly string[]);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return String(v);
};

/** One field of COPY's text format: \N for null, backslash, tab, newline and carriage return escaped. */
const copyField = (v: BulkValue): string => {
  if (typeof v === 'number') return String(v);
  const s = asText(v);
  if (s === null) return '\\N';
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
};

/** Rows per unnest statement (each column travels as one text[] parameter). */
const UNNEST_CHUNK = 10000;
/** Rows per chunk written to the COPY stream. */
const COPY_CHUNK = 2000;

/**
 * Inserts the rows of `source` (values in the order of `columns`) into `table` within the manager's transaction: COPY
 * when the server takes it, else unnest statements of UNNEST_CHUNK rows. Constraints and triggers apply as to any
 * insert. `source` may be a lazy iterable: with COPY its rows are then made chunk by chunk as the server takes the
 * stream, so this process makes the next chunk while the server parses and stores the last one (on the unnest path
 * they are all made first).
 */
export const bulkInsert = async (
  m: EntityManager,
  table: string,
  columns: readonly BulkColumn[],
  source: Iterable<readonly BulkValue[]>,
): Promise<void> => {
  if (Array.isArray(source) && !source.length) return;
  const names = columns.map(([n]) => n).join(', ');
  if (await copySupported(m)) {
    const client = (
      m.queryRunner as unknown as { databaseConnection?: { query: (s: unknown) => Writable } } | undefined
    )?.databaseConnection;
    if (client) {
      const sink = client.query(copyFrom(`COPY ${table} (${names}) FROM STDIN`));
      async function* lines() {
        let chunk = '';
        let n = 0;
        for (const r of source) {
          chunk += `${r.map(copyField).join('\t')}\n`;
          if (++n === COPY_CHUNK) {
            yield chunk;
            chunk = '';
            n = 0;
          }
        }
        if (chunk) yield chunk;
      }
      await pipeline(lines, sink);
      return;
    }
  }
  const rows = Array.isArray(source) ? (source as readonly (readonly BulkValue[])[]) : [...source];
  for (let i = 0; i < rows.length; i += UNNEST_CHUNK) {
    const part = rows.slice(i, i + UNNEST_CHUNK);
    await m.query(
      `INSERT INTO ${table} (${names}) SELECT ${columns.map(([, t], k) => `u.c${k}::${t}`).join(', ')}
         FROM unnest(${columns.map((_, k) => `$${k + 1}::text[]`).join(', ')}) AS u(${columns.map((_, k) => `c${k}`).join(', ')})`,
      columns.map((_, k) => part.map((r) => asText(r[k]))),
    );
  }
};

/**
 * Runs `load` with the foreign keys of `tables` checked once for the whole load instead of row by row (dropped, then
 * added back NOT VALID and validated: one set-based scan each) and the named triggers off (the caller rebuilds what
 * they keep). The GIN and GiST indexes of the `rebuildIndexes` tables, with the exclusion constraints they back, are
 * dropped for the load and built again after it (a bulk build, and an exclusion constraint's one check of all rows,
 * instead of an insert into the index per row): worth it when the load is large next to what the table holds. The
 * `rebuildAllIndexes` tables have every index rebuilt so, btree ones too, with the primary key, unique and exclusion
 * constraints they back (checked once, on the build), except an index that a foreign key references and a partial or
 * expression index whose definition does not come back the same when made again from the catalog's text (see
 * `roundTrips`): for a table loaded from empty.
 * Within the manager's transaction: the tables are locked until it commits, so no other session sees them without
 * their constraints and indexes; on any error everything rolls back.
 */
export const withDeferredChecks = async <T>(
  m: EntityManager,
  opts: {
    tables: string[];
    triggers?: [table: string, trigger: string][];
    rebuildIndexes?: string[];
    rebuildAllIndexes?: string[];
  },
  load: () => Promise<T>,
): Promise<T> => {
  const fks: { tbl: string; name: string; def: string }[] = await m.query(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[]) ORDER BY conrelid::regclass::text, conname`,
    [opts.tables],
  );
  // Each index to rebuild: as a constraint (primary key, unique, exclusion: re-added by ALTER TABLE) or as a plain
  // index (CREATE INDEX). Not one that a foreign key references (it could not be dropped without that key). A partial
  // or expression index of the rebuildAllIndexes tables only when it round-trips (below).
  const some = opts.rebuildIndexes ?? [];
  const all = opts.rebuildAllIndexes ?? [];
  const found: { tbl: string; name: string; constraint: string | null; def: string; shaped: boolean }[] =
    some.length || all.length
      ? await m.query(
          `SELECT i.indrelid::regclass::text AS tbl, i.indexrelid::regclass::text AS name, x.conname AS "constraint",
                  coalesce(pg_get_constraintdef(x.oid), pg_get_indexdef(i.indexrelid)) AS def,
                  (i.indpred IS NOT NULL OR i.indexprs IS NOT NULL) AS shaped
             FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
             LEFT JOIN pg_constraint x ON x.conindid = i.indexrelid AND x.conrelid = i.indrelid AND x.contype IN ('p', 'u', 'x')
            WHERE ((i.indrelid = ANY($1::regclass[]) AND a.amname IN ('gin', 'gist')) OR i.indrelid = ANY($2::regclass[]))
              AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid)
            ORDER BY 1, 2`,
          [some, all],
        )
      : [];
  const indexes: typeof found = [];
  for (const x of found) if (!x.shaped || (!x.constraint && (await roundTrips(m, x.tbl, x.def)))) indexes.push(x);
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  for (const [t, trg] of opts.triggers ?? []) await m.query(`ALTER TABLE ${t} DISABLE TRIGGER ${q(trg)}`);
  for (const f of fks) await m.query(`ALTER TABLE ${f.tbl} DROP CONSTRAINT ${q(f.name)}`);
  for (const x of indexes)
    await m.query(x.constraint ? `ALTER TABLE ${x.tbl} DROP CONSTRAINT ${q(x.constraint)}` : `DROP INDEX ${x.name}`);
  const out = await load();
  for (const x of indexes)
    await m.query(x.constraint ? `ALTER TABLE ${x.tbl} ADD CONSTRAINT ${q(x.constraint)} ${x.def}` : x.def);
  for (const f of fks) {
    await m.query(`ALTER TABLE ${f.tbl} ADD CONSTRAINT ${q(f.name)} ${f.def} NOT VALID`);
    await m.query(`ALTER TABLE ${f.tbl} VALIDATE CONSTRAINT ${q(f.name)}`);
  }
  for (const [t, trg] of opts.triggers ?? []) await m.query(`ALTER TABLE ${t} ENABLE TRIGGER ${q(trg)}`);
  return out;
};

/**
 * Whether a partial or expression index made again from `def` (its definition as pg_get_indexdef writes it) gets the
 * same definition back. Not always so: `IN (…)` on a varchar column comes back as another form of `= ANY`, which the
 * planner's matching of a query to a partial index could tell apart; such an index is not dropped for a load. Tried on
 * an empty temporary table with the columns of `table` (no rows to index), dropped at once.
 */
const roundTrips = async (m: EntityManager, table: string, def: string): Promise<boolean> => {
  const head = /^CREATE (UNIQUE )?INDEX \S+ ON \S+ USING /.exec(def);
  if (!head) return false;
  const rest = def.slice(head[0].length);
  await m.query(`CREATE TEMP TABLE chibo_index_probe (LIKE ${table})`);
  try {
    await m.query(`CREATE ${head[1] ?? ''}INDEX chibo_index_probe_idx ON pg_temp.chibo_index_probe USING ${rest}`);
    const [again] = (await m.query(`SELECT pg_get_indexdef('pg_temp.chibo_index_probe_idx'::regclass) AS def`)) as {
      def: string;
    }[];
    return again?.def.slice(again.def.indexOf(' USING ') + ' USING '.length) === rest;
  } finally {
    await m.query(`DROP TABLE pg_temp.chibo_index_probe`);
  }
};
