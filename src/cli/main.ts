/**
 * The command line: yargs wiring, the global options, one module per verb, and the single place
 * where errors become output and exit codes (errors.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import yargs from "yargs/yargs";
import type { CommandContext } from "../commands/context";
import { readPackageConfig, resolveOptions } from "../config/options";
import { SecretSet } from "../config/secrets";
import { UsageError } from "../util/errors";
import { formatFailure, toOneLine } from "./errors";
import { addGlobalOptions, toGlobalFlags } from "./global-options";
import { keepYoungGenerationSmall, optimizeOnlyLongRunningCode } from "./heap";
import type { GlobalArgs } from "./global-options";
import { createRenamePrompt, type PromptStreams } from "./rename-prompt";
import { createTerminalReporter } from "./terminal-reporter";
import type { OutputStreams } from "./terminal-reporter";
import type { CliVerb, VerbRun } from "./verb";
import { branchesVerb } from "./verbs/branches";
import { checkVerb } from "./verbs/check";
import { currentVerb } from "./verbs/current";
import { downgradeVerb } from "./verbs/downgrade";
import { headsVerb } from "./verbs/heads";
import { historyVerb } from "./verbs/history";
import { initVerb } from "./verbs/init";
import { inspectVerb } from "./verbs/inspect";
import { mergeVerb } from "./verbs/merge";
import { revisionVerb } from "./verbs/revision";
import { showVerb } from "./verbs/show";
import { stampVerb } from "./verbs/stamp";
import { upgradeVerb } from "./verbs/upgrade";

/** Every verb, in the order `--help` lists them. */
const verbs: readonly CliVerb[] = [
  initVerb,
  revisionVerb,
  upgradeVerb,
  downgradeVerb,
  currentVerb,
  historyVerb,
  headsVerb,
  branchesVerb,
  showVerb,
  stampVerb,
  mergeVerb,
  checkVerb,
  inspectVerb,
];

/** The process surroundings `run` uses, injected so tests can run the CLI in-process. */
export interface CliEnvironment extends OutputStreams {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Where rename questions are asked; only given on an interactive terminal. */
  readonly prompt?: PromptStreams;
}

function readOwnVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "package.json"), "utf8")) as { version?: string };
    return manifest.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

type Parsed =
  | { readonly kind: "run"; readonly run: VerbRun; readonly args: GlobalArgs }
  | { readonly kind: "output"; readonly text: string };

function parseArguments(argv: readonly string[]): Promise<Parsed> {
  let chosen: VerbRun | undefined;
  let cli = addGlobalOptions(
    yargs([...argv])
      .scriptName("retort")
      .usage("$0 <command> [options]")
      .version(readOwnVersion())
      .help()
      .alias("help", "h")
      .strict()
      .demandCommand(1, "Name a command")
      .recommendCommands()
      .wrap(100),
  );
  for (const verb of verbs) cli = verb.register(cli, (run) => (chosen = run));
  return new Promise((resolve, reject) => {
    cli.parse([...argv], {}, (error, args, output) => {
      if (error !== null && error !== undefined) {
        reject(new UsageError(`${toOneLine(error.message)} (see retort --help)`));
      } else if (chosen !== undefined) {
        resolve({ kind: "run", run: chosen, args: args as GlobalArgs });
      } else {
        resolve({ kind: "output", text: output });
      }
    });
  });
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws and
 * never exits the process; output goes to the given streams.
 */
export async function run(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  const secrets = new SecretSet();
  let verbose = argv.includes("--verbose");
  try {
    const parsed = await parseArguments(argv);
    if (parsed.kind === "output") {
      if (parsed.text !== "") environment.stdout.write(`${parsed.text.replace(/\n$/, "")}\n`);
      return 0;
    }
    const flags = toGlobalFlags(parsed.args);
    verbose = flags.verbose ?? verbose;
    const options = resolveOptions(flags, readPackageConfig(environment.cwd), environment.cwd);
    const context: CommandContext = {
      cwd: environment.cwd,
      env: environment.env,
      reporter: createTerminalReporter(environment, secrets),
      secrets,
      ...(environment.prompt === undefined ? {} : { askRenames: createRenamePrompt(environment.prompt) }),
    };
    await parsed.run(options, context);
    return 0;
  } catch (error) {
    const failure = formatFailure(error, { verbose, secrets });
    for (const line of failure.lines) environment.stderr.write(`${line}\n`);
    return failure.exitCode;
  }
}

/** The `retort` executable (bin/retort.js): runs the CLI on the real process. */
export async function main(argv: string[]): Promise<void> {
  keepYoungGenerationSmall();
  optimizeOnlyLongRunningCode();
  // `retort inspect | head`: a closed pipe ends the output, it is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
  process.exitCode = await run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    ...(process.stdin.isTTY && process.stderr.isTTY ? { prompt: { input: process.stdin, output: process.stderr } } : {}),
  });
}
