/**
 * The interactive side of rename resolution: on a terminal, `revision --autogenerate` asks
 * whether a dropped table or column was renamed to one that was added, instead of writing a
 * drop + add that loses its data.
 */
import { createInterface } from "node:readline/promises";
import type { AsyncRenameResolver, RenamePair } from "../diff/options";
import { qualifiedName } from "../model/keys";

/** The two streams a prompt talks through. */
export interface PromptStreams {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
}

/**
 * For each dropped name, asks which added name (by number) it became, Enter meaning "none".
 * An added name can be chosen once.
 */
async function pairUp(
  streams: PromptStreams,
  what: string,
  dropped: readonly string[],
  added: readonly string[],
): Promise<{ from: number; to: number }[]> {
  const rl = createInterface({ input: streams.input, output: streams.output, terminal: false });
  const pairs: { from: number; to: number }[] = [];
  try {
    const free = added.map((_, i) => i);
    for (let from = 0; from < dropped.length && free.length > 0; from++) {
      const choices = free.map((i, n) => `  ${n + 1}) ${added[i]}`).join("\n");
      for (;;) {
        const answer = (
          await rl.question(`${what} ${dropped[from]} is gone. Was it renamed to one of these?\n${choices}\nNumber, or Enter for no: `)
        ).trim();
        if (answer === "") break;
        const n = Number(answer);
        if (Number.isInteger(n) && n >= 1 && n <= free.length) {
          pairs.push({ from, to: free[n - 1] as number });
          free.splice(n - 1, 1);
          break;
        }
        streams.output.write(`Please answer with a number from 1 to ${free.length}, or press Enter.\n`);
      }
    }
  } finally {
    rl.close();
  }
  return pairs;
}

/** A rename resolver that asks through `streams`. */
export function createRenamePrompt(streams: PromptStreams): AsyncRenameResolver {
  return {
    async resolveTableRenames(dropped, added): Promise<RenamePair[]> {
      const from = dropped.map(qualifiedName);
      const to = added.map(qualifiedName);
      const pairs = await pairUp(streams, "Table", from, to);
      return pairs.map((p) => ({ from: from[p.from] as string, to: to[p.to] as string }));
    },
    async resolveColumnRenames(table, dropped, added): Promise<RenamePair[]> {
      const where = qualifiedName(table);
      const from = dropped.map((c) => c.name);
      const to = added.map((c) => c.name);
      const pairs = await pairUp(
        streams,
        "Column",
        from.map((c) => `${where}.${c}`),
        to.map((c) => `${where}.${c}`),
      );
      return pairs.map((p) => ({ from: from[p.from] as string, to: to[p.to] as string }));
    },
  };
}
