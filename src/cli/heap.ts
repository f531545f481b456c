/**
 * V8 settings for one short command run, set at run time by `main` (the retort executable only;
 * the library leaves the host process alone).
 */
import { setFlagsFromString } from "node:v8";

/**
 * Keeps V8's young generation at its starting size for the whole run.
 *
 * V8 doubles the young generation (up to 16 MB per semi-space) when many objects survive its
 * collections, which loading thousands of entity modules and their metadata always does, and
 * the larger young generation then stays resident. Without that growth the peak memory of a
 * no-op `check` on 2000 entities (SQLite) fell from 187 to 160 MB, and of a 100-table initial
 * revision from 105 to 78 MB, with no measurable change in time (more, smaller scavenges).
 * V8 reads this flag whenever it resizes the young generation, so setting it at run time works
 * (unlike the young generation's maximum size, which is fixed when the process starts).
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
}

/**
 * Optimises only code that runs long enough to pay for it.
 *
 * A command runs for a few seconds, much of it in code that runs once per entity or per table
 * (TypeORM's metadata build, the catalog parsers, the renderer). With V8's default interrupt
 * budget (66 KB of bytecode executed) hundreds of such functions are queued for TurboFan, whose
 * compiler threads then used ~1.8 s of CPU in a 2.5 s `check` on 2000 entities and, on a
 * two-core machine, kept the main thread off the CPU for ~0.4 s. With a six times larger budget
 * (measured in 10 alternating runs each, SQLite, 2000 entities): `check` 2.43 → 2.16 s median,
 * CPU of the whole process 3.7 → 2.7 s, peak memory 157 → 149 MB; `revision --autogenerate`
 * from an empty database 2.78 → 2.56 s, 134 → 122 MB. Code that stays hot is still optimised,
 * a little later. V8 reads the budget each time it resets a function's counter, so setting it
 * at run time takes effect for everything that runs afterwards.
 */
export function optimizeOnlyLongRunningCode(): void {
  setFlagsFromString("--interrupt-budget=400000");
}
