/**
 * Crash safety: SIGKILL a running `retort upgrade head` (and, once at head, `downgrade base`)
 * over a 50-migration history at 30 random moments per dialect. After every kill the schema
 * must equal the schema of the revision the version table records; at the end a rerun completes.
 *
 * The database is reused across kills: each run continues from where the last one was killed.
 * Moments are drawn from a seeded generator (RETORT_CRASH_SEED reproduces a failure): a third
 * are plain delays after the spawn (startup, lock, version-table creation), the rest land just
 * after the k-th migration of the run committed, plus a few milliseconds, i.e. inside or between
 * migrations.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { DialectName } from "../../src/dialects/dialect";
import type { SchemaModel } from "../../src/model/types";
import { createPgDatabase, createSqliteDatabase, type TestDatabase } from "../helpers/databases";
import {
  appliedCount,
  createHistoryProject,
  databaseUrlOf,
  expectedSchemaAt,
  openTestDataSource,
  readDataSourceState,
  startCli,
  type DatabaseState,
  type HistoryProject,
} from "../helpers/history";

const MIGRATIONS = 50;
const KILLS = 30;

/** mulberry32: a small seeded generator, so that a failing sequence of kills can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isStepLine = (line: string): boolean => /^Running (upgrade|downgrade) /.test(line);

for (const dialect of ["postgres", "sqlite"] as const satisfies readonly DialectName[]) {
  describe(`crash safety on ${dialect}`, () => {
    let db: TestDatabase;
    let project: HistoryProject;
    const expected: SchemaModel[] = [];

    before(async () => {
      db = dialect === "postgres" ? await createPgDatabase("crash") : createSqliteDatabase("crash");
      // A short pause in every migration keeps its transaction open long enough to be hit.
      project = createHistoryProject(MIGRATIONS, dialect, 3);
      for (let k = 0; k <= MIGRATIONS; k++) expected.push(await expectedSchemaAt(project.steps, k));
    });
    after(async () => {
      await db.drop();
      project.remove();
    });

    /** A fresh connection each time: on SQLite it is the next opener that rolls back a hot journal. */
    async function readState(): Promise<DatabaseState> {
      const dataSource = await openTestDataSource(dialect, db.url);
      try {
        return await readDataSourceState(dialect, dataSource);
      } finally {
        await dataSource.destroy();
      }
    }

    it(`keeps schema and version table together through ${KILLS} SIGKILLs, then a rerun completes`, { timeout: 170_000 }, async (t) => {
      const seed = Number(process.env.RETORT_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
      const random = seededRandom(seed);
      const env = { DATABASE_URL: databaseUrlOf(dialect, db.url) };
      const log: string[] = [];
      const context = (): string => `seed ${seed} (RETORT_CRASH_SEED), ${dialect}\n${log.join("\n")}`;
      let direction: "upgrade" | "downgrade" = "upgrade";
      let at = 0;
      let killed = 0;
      for (let i = 0; i < KILLS; i++) {
        if (at === MIGRATIONS) direction = "downgrade";
        if (at === 0) direction = "upgrade";
        const run = startCli([direction, direction === "upgrade" ? "head" : "base"], project.dir, env);
        let moment: string;
        if (i % 3 === 0) {
          const delay = Math.floor(random() * 1500);
          moment = `${delay} ms after spawn`;
          await sleep(delay);
        } else {
          const steps = Math.floor(random() * 6);
          const extra = Math.floor(random() * 12);
          moment = `${extra} ms after step ${steps}`;
          if (steps > 0) await run.waitForLine(() => run.lines.filter(isStepLine).length >= steps);
          await sleep(extra);
        }
        run.child.kill("SIGKILL");
        const exit = await run.exit;
        if (exit.signal === "SIGKILL") killed++;
        else assert.equal(exit.code, 0, `run ${i} (${direction}) failed on its own:\n${run.lines.join("\n")}\n${context()}`);

        const state = await readState();
        const now = appliedCount(project, state.heads);
        log.push(`#${i} ${direction} killed ${moment}: ${exit.signal ?? `exit ${exit.code}`}, ${at} -> ${now} applied`);
        assert.deepEqual(state.schema, expected[now], `the schema is not the one of revision ${now}\n${context()}`);
        at = now;
      }
      t.diagnostic(`${killed} of ${KILLS} runs killed, seed ${seed}`);
      assert.ok(killed >= KILLS / 2, `only ${killed} of ${KILLS} runs were killed before finishing\n${context()}`);

      const rerun = startCli(["upgrade", "head"], project.dir, env);
      const exit = await rerun.exit;
      assert.deepEqual(exit, { code: 0, signal: null }, `${rerun.lines.join("\n")}\n${context()}`);
      const state = await readState();
      assert.deepEqual(state.heads, [project.ids[MIGRATIONS - 1]]);
      assert.deepEqual(state.schema, expected[MIGRATIONS]);
    });
  });
}
