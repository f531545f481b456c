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
  };
}

/** Tries `states` in order (each flat), and prints the last one broken when none fits. */
export function conditionalGroup(states: readonly Doc[]): GroupDoc {
  const first = states[0]!;
  return { kind: "group", contents: first, breaks: false, willBreak: (breakFlags(first) & WILL_BREAK) !== 0, states, id: undefined };
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

/**
 * The printer's work list: (indent, mode, doc) commands kept in three parallel arrays. The
 * printer pushes one command per document node, and an object for each was most of what
 * rendering allocated (and what made V8 grow its heap on large files).
 */
class Commands {
  readonly indents: number[] = [];
  readonly modes: Mode[] = [];
  readonly docs: Doc[] = [];

  get length(): number {
    return this.docs.length;
  }

  push(indent: number, mode: Mode, doc: Doc): void {
    this.indents.push(indent);
    this.modes.push(mode);
    this.docs.push(doc);
  }

  clear(): void {
    this.indents.length = 0;
    this.modes.length = 0;
    this.docs.length = 0;
  }
}

const NO_COMMANDS = new Commands();
// `fits` never runs inside another `fits`: one scratch list serves every call.
const scratch = new Commands();

/**
 * Whether `doc` (in `mode`) fits in `width` columns: measured up to its first line break, then
 * through the commands that follow (`rest`, in their own modes) up to the first line that
 * breaks. `mustBeFlat` (fills) refuses a group that is already broken.
 */
function fits(
  mode: Mode,
  doc: Doc,
  rest: Commands,
  width: number,
  groupModes: Map<symbol, Mode>,
  mustBeFlat: boolean,
): boolean {
  let restIndex = rest.length;
  let pendingSpace = false;
  const commands = scratch;
  commands.clear();
  commands.push(0, mode, doc);
  while (width >= 0) {
    if (commands.length === 0) {
      if (restIndex === 0) return true;
      restIndex--;
      commands.push(0, rest.modes[restIndex]!, rest.docs[restIndex]!);
      continue;
    }
    const currentMode = commands.modes.pop()!;
    const current = commands.docs.pop()!;
    commands.indents.pop();
    if (typeof current === "string") {
      if (current !== "") {
        if (pendingSpace) {
          width -= 1;
          pendingSpace = false;
        }
        width -= stringWidth(current);
      }
      continue;
    }
    if (isList(current)) {
      for (let i = current.length - 1; i >= 0; i--) commands.push(0, currentMode, current[i]!);
      continue;
    }
    switch (current.kind) {
      case "fill":
        for (let i = current.parts.length - 1; i >= current.offset; i--) commands.push(0, currentMode, current.parts[i]!);
        break;
      case "indent":
      case "indent-if-break":
        commands.push(0, currentMode, current.contents);
        break;
      case "group": {
        if (mustBeFlat && current.breaks) return false;
        const groupMode: Mode = current.breaks ? "break" : currentMode;
        const contents =
          current.states !== undefined && groupMode === "break" ? current.states.at(-1)! : current.contents;
        commands.push(0, groupMode, contents);
        break;
      }
      case "if-break": {
        const groupMode = current.groupId === undefined ? currentMode : (groupModes.get(current.groupId) ?? "flat");
        const contents = groupMode === "break" ? current.breakContents : current.flatContents;
        if (contents !== "") commands.push(0, currentMode, contents);
        break;
      }
      case "line":
        if (currentMode === "break") return true;
        if (!current.soft) pendingSpace = true;
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
  const groupModes = new Map<symbol, Mode>();
  const out: string[] = [];
  let position = start;
  const commands = new Commands();
  commands.push(start, "break", doc);
  while (commands.length > 0) {
    const ind = commands.indents.pop()!;
    const mode = commands.modes.pop()!;
    const current = commands.docs.pop()!;
    if (typeof current === "string") {
      if (current !== "") {
        out.push(current);
        position += stringWidth(current);
      }
      continue;
    }
    if (isList(current)) {
      for (let i = current.length - 1; i >= 0; i--) commands.push(ind, mode, current[i]!);
      continue;
    }
    switch (current.kind) {
      case "indent":
        commands.push(ind + 2, mode, current.contents);
        break;
      case "group": {
        const chosen = chooseGroupMode(current, ind, mode);
        if (current.id !== undefined) groupModes.set(current.id, chosen);
        break;
      }
      case "fill":
        printFill(current, ind, mode);
        break;
      case "if-break":
      case "indent-if-break": {
        const groupMode = current.groupId === undefined ? mode : groupModes.get(current.groupId);
        const contents =
          current.kind === "if-break"
            ? groupMode === "break"
              ? current.breakContents
              : current.flatContents
            : groupMode === "break"
              ? indent(current.contents)
              : current.contents;
        if (groupMode !== undefined && contents !== "") commands.push(ind, mode, contents);
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
        out.push(`\n${" ".repeat(ind)}`);
        position = ind;
        break;
      case "break-parent":
        break;
    }
  }
  return out.join("");

  /**
   * Pushes the group's contents in the mode chosen, and returns that mode: flat when it fits;
   * a conditional group takes the first state that fits, else its last, broken.
   */
  function chooseGroupMode(g: GroupDoc, ind: number, mode: Mode): Mode {
    if (mode === "flat") {
      const chosen: Mode = g.breaks ? "break" : "flat";
      commands.push(ind, chosen, g.contents);
      return chosen;
    }
    const remaining = width - position;
    if (!g.breaks && fits("flat", g.contents, commands, remaining, groupModes, false)) {
      commands.push(ind, "flat", g.contents);
      return "flat";
    }
    if (g.states === undefined) {
      commands.push(ind, "break", g.contents);
      return "break";
    }
    if (!g.breaks) {
      for (let i = 1; i < g.states.length - 1; i++) {
        if (fits("flat", g.states[i]!, commands, remaining, groupModes, false)) {
          commands.push(ind, "flat", g.states[i]!);
          return "flat";
        }
      }
    }
    commands.push(ind, "break", g.states.at(-1)!);
    return "break";
  }

  /** Each separator breaks only when the content after it does not fit on the line. */
  function printFill(f: Extract<DocNode, { kind: "fill" }>, ind: number, mode: Mode): void {
    const remaining = width - position;
    const length = f.parts.length - f.offset;
    if (length === 0) return;
    const content = f.parts[f.offset]!;
    const contentFits = fits("flat", content, NO_COMMANDS, remaining, groupModes, true);
    if (length === 1) {
      commands.push(ind, contentFits ? "flat" : "break", content);
      return;
    }
    const whitespace = f.parts[f.offset + 1]!;
    if (length === 2) {
      const chosen: Mode = contentFits ? "flat" : "break";
      commands.push(ind, chosen, whitespace);
      commands.push(ind, chosen, content);
      return;
    }
    const pairFits = fits("flat", [content, whitespace, f.parts[f.offset + 2]!], NO_COMMANDS, remaining, groupModes, true);
    commands.push(ind, mode, { ...f, offset: f.offset + 2 });
    commands.push(ind, pairFits ? "flat" : "break", whitespace);
    commands.push(ind, pairFits || contentFits ? "flat" : "break", content);
  }
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
