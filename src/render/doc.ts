/**
 * A small document layout engine with the semantics of prettier's doc printer (Wadler-style
 * groups that print flat when they fit, else broken; conditional groups; fills; `ifBreak`), so
 * that the renderer can lay a migration file out exactly as prettier would without running it.
 * Only the constructs the renderer needs are here (no hard lines, line suffixes, alignment or
 * trimming: statements and comments are put on their own lines by the file renderer);
 * `js-layout.ts` builds the documents the way prettier's JavaScript printer does, and this
 * module decides where lines break.
 */
import { stringWidth } from "./string-width";

export type Doc = string | readonly Doc[] | DocNode;

/** A group prints flat when it fits in the remaining width, else broken (`mode` break). */
export interface GroupDoc {
  readonly kind: "group";
  readonly contents: Doc;
  /** Broken whatever the width: asked for (`shouldBreak`) or forced by a descendant (prettier's `propagateBreaks`). */
  readonly breaks: boolean;
  /** Whether the group contains a forced break as built (prettier's `willBreak`, checked before breaks propagate). */
  readonly willBreak: boolean;
  /** A conditional group: the states are tried in order, the last one broken. */
  readonly states: readonly Doc[] | undefined;
  readonly id: symbol | undefined;
  /** What the group prints when flat, when that is known without walking `contents` (see `flatGroup`). */
  readonly flat: string | undefined;
  /** The width of `flat` in columns. */
  readonly flatWidth: number;
}

type DocNode =
  | GroupDoc
  | { readonly kind: "indent"; readonly contents: Doc }
  | { readonly kind: "fill"; readonly parts: readonly Doc[]; readonly offset: number }
  | { readonly kind: "if-break"; readonly breakContents: Doc; readonly flatContents: Doc; readonly groupId: symbol | undefined }
  | { readonly kind: "indent-if-break"; readonly contents: Doc; readonly groupId: symbol }
  | { readonly kind: "line"; readonly soft: boolean }
  | { readonly kind: "break-parent" };

/**
 * A group. Whether it must break is settled here, bottom-up, rather than by a later pass over
 * the whole document as prettier does: a group breaks when asked to, or when its contents hold
 * a `breakParent` or a broken group, nested conditional groups excepted (they choose between
 * their states themselves and pass a break on only when asked to break).
 */
export function group(contents: Doc, options: { shouldBreak?: boolean; id?: symbol } = {}): GroupDoc {
  const shouldBreak = options.shouldBreak ?? false;
  const flags = breakFlags(contents);
  return {
    kind: "group",
    contents,
    breaks: shouldBreak || (flags & PROPAGATES) !== 0,
    willBreak: shouldBreak || (flags & WILL_BREAK) !== 0,
    states: undefined,
    id: options.id,
    flat: undefined,
    flatWidth: 0,
  };
}

/**
 * A group that holds no forced break, no conditional group and no `ifBreak` or
 * `indentIfBreak` tied to a group outside it, and that prints `flat` (`width` columns) when
 * flat: the printer then writes that text instead of walking the group, and `contents` is
 * built only if the group breaks. Plain data values are such groups, and most of them print
 * flat, so most of a large file's documents are never built.
 */
export function flatGroup(flat: string, width: number, contents: () => Doc): GroupDoc {
  return new FlatGroup(flat, width, contents);
}

class FlatGroup implements GroupDoc {
  readonly kind = "group";
  readonly breaks = false;
  readonly willBreak = false;
  readonly states = undefined;
  readonly id = undefined;
  private built: Doc | undefined;
  constructor(
    readonly flat: string,
    readonly flatWidth: number,
    private readonly build: () => Doc,
  ) {}
  get contents(): Doc {
    this.built ??= this.build();
    return this.built;
  }
}

/** Tries `states` in order (each flat), and prints the last one broken when none fits. */
export function conditionalGroup(states: readonly Doc[]): GroupDoc {
  const first = states[0]!;
  const willBreak = (breakFlags(first) & WILL_BREAK) !== 0;
  return { kind: "group", contents: first, breaks: false, willBreak, states, id: undefined, flat: undefined, flatWidth: 0 };
}

export function indent(contents: Doc): Doc {
  return { kind: "indent", contents };
}

/** Content and separators alternating; each separator breaks only when the next content does not fit. */
export function fill(parts: readonly Doc[]): Doc {
  return { kind: "fill", parts, offset: 0 };
}

export function ifBreak(breakContents: Doc, flatContents: Doc = "", groupId?: symbol): Doc {
  return { kind: "if-break", breakContents, flatContents, groupId };
}

export function indentIfBreak(contents: Doc, groupId: symbol): Doc {
  return { kind: "indent-if-break", contents, groupId };
}

/** A space when flat, a new line when broken. */
export const line: Doc = { kind: "line", soft: false };
/** Nothing when flat, a new line when broken. */
export const softline: Doc = { kind: "line", soft: true };
/** Breaks the enclosing group (and so every group around it). */
export const breakParent: Doc = { kind: "break-parent" };

/** `separator` between each of `docs`. */
export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const parts: Doc[] = [];
  for (let i = 0; i < docs.length; i++) {
    if (i > 0) parts.push(separator);
    parts.push(docs[i]!);
  }
  return parts;
}

/** `breakFlags`: a break reaches the enclosing group. */
const PROPAGATES = 1;
/** `breakFlags`: a forced break is inside (prettier's `willBreak`). */
const WILL_BREAK = 2;

/** What `doc` holds up to and including its outermost groups (whose flags are already known). */
function breakFlags(doc: Doc): number {
  if (typeof doc === "string") return 0;
  if (isList(doc)) {
    let flags = 0;
    for (let i = 0; i < doc.length && flags !== (PROPAGATES | WILL_BREAK); i++) flags |= breakFlags(doc[i]!);
    return flags;
  }
  switch (doc.kind) {
    case "group":
      return (doc.breaks ? PROPAGATES : 0) | (doc.willBreak ? WILL_BREAK : 0);
    case "indent":
    case "indent-if-break":
      return breakFlags(doc.contents);
    case "fill":
      return breakFlags(doc.parts);
    case "if-break":
      return breakFlags(doc.breakContents) | breakFlags(doc.flatContents);
    case "line":
      return 0;
    case "break-parent":
      return PROPAGATES | WILL_BREAK;
  }
}

/** Whether `doc` contains a forced break (prettier's `willBreak`, checked before breaks propagate). */
export function willBreak(doc: Doc): boolean {
  return (breakFlags(doc) & WILL_BREAK) !== 0;
}

function isList(doc: Doc): doc is readonly Doc[] {
  return Array.isArray(doc);
}

type Mode = "flat" | "break";

interface Command {
  readonly indent: number;
  readonly mode: Mode;
  readonly doc: Doc;
}

// `fits` never runs inside another `fits`: one scratch stack (documents and their modes in
// parallel arrays) serves every call, instead of a command object per document node measured.
const scratchDocs: Doc[] = [];
const scratchModes: Mode[] = [];

/**
 * Whether `next` fits in `width` columns: measured up to its first line break, then through
 * the commands that follow (`rest`, in their own modes) up to the first line that breaks.
 * `mustBeFlat` (fills) refuses a group that is already broken.
 */
function fits(next: Command, rest: readonly Command[], width: number, modes: Map<symbol, Mode>, mustBeFlat: boolean): boolean {
  let restIndex = rest.length;
  let pendingSpace = false;
  const docs = scratchDocs;
  const docModes = scratchModes;
  // The stack's height; entries above it are stale (cheaper than shrinking the arrays).
  let top = 0;
  const push = (doc: Doc, mode: Mode): void => {
    docs[top] = doc;
    docModes[top] = mode;
    top += 1;
  };
  push(next.doc, next.mode);
  while (width >= 0) {
    if (top === 0) {
      if (restIndex === 0) return true;
      const command = rest[--restIndex]!;
      push(command.doc, command.mode);
      continue;
    }
    top -= 1;
    const doc = docs[top]!;
    const mode = docModes[top]!;
    if (typeof doc === "string") {
      if (doc !== "") {
        if (pendingSpace) {
          width -= 1;
          pendingSpace = false;
        }
        width -= stringWidth(doc);
      }
      continue;
    }
    if (isList(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) {
        push(doc[i]!, mode);
      }
      continue;
    }
    switch (doc.kind) {
      case "fill":
        for (let i = doc.parts.length - 1; i >= doc.offset; i--) {
          push(doc.parts[i]!, mode);
        }
        break;
      case "indent":
      case "indent-if-break":
        push(doc.contents, mode);
        break;
      case "group": {
        if (mustBeFlat && doc.breaks) return false;
        const groupMode: Mode = doc.breaks ? "break" : mode;
        if (groupMode === "flat" && doc.flat !== undefined) {
          // Known text, never empty: measured like a string.
          if (pendingSpace) {
            width -= 1;
            pendingSpace = false;
          }
          width -= doc.flatWidth;
          break;
        }
        push(doc.states !== undefined && groupMode === "break" ? doc.states.at(-1)! : doc.contents, groupMode);
        break;
      }
      case "if-break": {
        const groupMode = doc.groupId === undefined ? mode : (modes.get(doc.groupId) ?? "flat");
        const contents = groupMode === "break" ? doc.breakContents : doc.flatContents;
        if (contents !== "") {
          push(contents, mode);
        }
        break;
      }
      case "line":
        if (mode === "break") return true;
        if (!doc.soft) pendingSpace = true;
        break;
      case "break-parent":
        break;
    }
  }
  return false;
}

/**
 * Prints `doc` in `width` columns, starting at column `start` with `start` spaces of
 * indentation (a statement inside a function body starts at 2). Indentation is two spaces.
 */
export function printDoc(doc: Doc, width: number, start = 0): string {
  const modes = new Map<symbol, Mode>();
  const out: string[] = [];
  let position = start;
  const commands: Command[] = [{ indent: start, mode: "break", doc }];
  while (commands.length > 0) {
    const { indent: ind, mode, doc: current } = commands.pop()!;
    if (typeof current === "string") {
      if (current !== "") {
        out.push(current);
        position += stringWidth(current);
      }
      continue;
    }
    if (isList(current)) {
      for (let i = current.length - 1; i >= 0; i--) commands.push({ indent: ind, mode, doc: current[i]! });
      continue;
    }
    switch (current.kind) {
      case "indent":
        commands.push({ indent: ind + 2, mode, doc: current.contents });
        break;
      case "group": {
        if (current.flat !== undefined) {
          if (mode === "flat" || fits({ indent: ind, mode: "flat", doc: current }, commands, width - position, modes, false)) {
            out.push(current.flat);
            position += current.flatWidth;
          } else {
            // The contents are the group the text stands for; it does not fit either, so it breaks.
            commands.push({ indent: ind, mode: "break", doc: current.contents });
          }
          break;
        }
        const command = chooseGroupMode(current, ind, mode);
        commands.push(command);
        if (current.id !== undefined) modes.set(current.id, command.mode);
        break;
      }
      case "fill":
        printFill(current, ind, mode);
        break;
      case "if-break":
      case "indent-if-break": {
        const groupMode = current.groupId === undefined ? mode : modes.get(current.groupId);
        const contents =
          current.kind === "if-break"
            ? groupMode === "break"
              ? current.breakContents
              : current.flatContents
            : groupMode === "break"
              ? indent(current.contents)
              : current.contents;
        if (groupMode !== undefined && contents !== "") commands.push({ indent: ind, mode, doc: contents });
        break;
      }
      case "line":
        if (mode === "flat") {
          if (!current.soft) {
            out.push(" ");
            position += 1;
          }
          break;
        }
        trimTrailingBlanks(out);
        out.push(newLine(ind));
        position = ind;
        break;
      case "break-parent":
        break;
    }
  }
  return out.join("");

  /** Flat when it fits; a conditional group takes the first state that fits, else its last, broken. */
  function chooseGroupMode(g: GroupDoc, ind: number, mode: Mode): Command {
    if (mode === "flat") return { indent: ind, mode: g.breaks ? "break" : "flat", doc: g.contents };
    const remaining = width - position;
    const flat: Command = { indent: ind, mode: "flat", doc: g.contents };
    if (!g.breaks && fits(flat, commands, remaining, modes, false)) return flat;
    if (g.states === undefined) return { indent: ind, mode: "break", doc: g.contents };
    if (!g.breaks) {
      for (let i = 1; i < g.states.length - 1; i++) {
        const state: Command = { indent: ind, mode: "flat", doc: g.states[i]! };
        if (fits(state, commands, remaining, modes, false)) return state;
      }
    }
    return { indent: ind, mode: "break", doc: g.states.at(-1)! };
  }

  /** Each separator breaks only when the content after it does not fit on the line. */
  function printFill(f: Extract<DocNode, { kind: "fill" }>, ind: number, mode: Mode): void {
    const remaining = width - position;
    const length = f.parts.length - f.offset;
    if (length === 0) return;
    const content = f.parts[f.offset]!;
    const contentFlat: Command = { indent: ind, mode: "flat", doc: content };
    const contentBreak: Command = { indent: ind, mode: "break", doc: content };
    const contentFits = fits(contentFlat, [], remaining, modes, true);
    if (length === 1) {
      commands.push(contentFits ? contentFlat : contentBreak);
      return;
    }
    const whitespace = f.parts[f.offset + 1]!;
    const whitespaceFlat: Command = { indent: ind, mode: "flat", doc: whitespace };
    const whitespaceBreak: Command = { indent: ind, mode: "break", doc: whitespace };
    if (length === 2) {
      if (contentFits) commands.push(whitespaceFlat, contentFlat);
      else commands.push(whitespaceBreak, contentBreak);
      return;
    }
    const pair: Command = { indent: ind, mode: "flat", doc: [content, whitespace, f.parts[f.offset + 2]!] };
    const pairFits = fits(pair, [], remaining, modes, true);
    commands.push({ indent: ind, mode, doc: { ...f, offset: f.offset + 2 } });
    if (pairFits) commands.push(whitespaceFlat, contentFlat);
    else if (contentFits) commands.push(whitespaceBreak, contentFlat);
    else commands.push(whitespaceBreak, contentBreak);
  }
}

const newLines: string[] = [];

/** A line break and `indentation` spaces (kept: a file uses a few indentations on every line). */
function newLine(indentation: number): string {
  return (newLines[indentation] ??= `\n${" ".repeat(indentation)}`);
}

/** Prettier drops spaces and tabs at the end of a line when it starts a new one. */
function trimTrailingBlanks(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    if (!last.endsWith(" ") && !last.endsWith("\t")) return;
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed.length > 0) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}
