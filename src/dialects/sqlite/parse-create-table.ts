import type { ReferentialAction } from "../../model/types";
import { TokenCursor } from "./token-cursor";
import { isPunct, splitTopLevel, tokenize, type Token } from "./tokenize";

/** A `REFERENCES` clause, from a column or a `FOREIGN KEY` table constraint. */
export interface ParsedReference {
  readonly schema?: string;
  readonly table: string;
  /** Empty when the clause names no columns (SQLite then means the parent's primary key). */
  readonly columns: readonly string[];
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly deferrable?: "INITIALLY DEFERRED" | "INITIALLY IMMEDIATE";
}

export interface ParsedCheck {
  readonly name?: string;
  /** The expression inside `CHECK (...)`, as written. */
  readonly expression: string;
}

export interface ParsedColumn {
  readonly name: string;
  /** The declared type as written, whitespace collapsed; "" when the column has none. */
  readonly type: string;
  readonly primaryKey?: { readonly name?: string; readonly autoincrement: boolean };
  readonly notNull: boolean;
  readonly unique?: { readonly name?: string };
  /** The default expression as written (with its parentheses, when it has them). */
  readonly default?: string;
  /** The collation name, unquoted. */
  readonly collation?: string;
  readonly computed?: { readonly expression: string; readonly stored: boolean };
  readonly checks: readonly ParsedCheck[];
  readonly references?: ParsedReference & { readonly name?: string };
}

export type ParsedTableConstraint =
  | { readonly kind: "primary-key"; readonly name?: string; readonly columns: readonly string[] }
  | { readonly kind: "unique"; readonly name?: string; readonly columns: readonly string[] }
  | { readonly kind: "check"; readonly name?: string; readonly expression: string }
  | {
      readonly kind: "foreign-key";
      readonly name?: string;
      readonly columns: readonly string[];
      readonly references: ParsedReference;
    };

export interface ParsedTable {
  readonly schema?: string;
  readonly name: string;
  readonly columns: readonly ParsedColumn[];
  readonly constraints: readonly ParsedTableConstraint[];
  readonly withoutRowid: boolean;
  readonly strict: boolean;
}

/** Words that end a column's type name and start one of its constraints. */
const columnConstraintWords = new Set([
  "CONSTRAINT",
  "PRIMARY",
  "NOT",
  "NULL",
  "UNIQUE",
  "CHECK",
  "DEFAULT",
  "COLLATE",
  "REFERENCES",
  "GENERATED",
  "AS",
]);
const tableConstraintWords = new Set(["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"]);

/**
 * Parses the text SQLite keeps in `sqlite_master.sql` for a table (the `CREATE TABLE` statement
 * as written, https://www.sqlite.org/lang_createtable.html) into its columns and constraints.
 * Names come back unquoted; expressions come back as written, for the caller to normalise.
 */
export function parseCreateTable(sql: string): ParsedTable {
  const cursor = new TokenCursor(sql, tokenize(sql));
  cursor.expectWords("CREATE");
  if (!cursor.acceptWords("TEMP")) cursor.acceptWords("TEMPORARY");
  cursor.expectWords("TABLE");
  cursor.acceptWords("IF", "NOT", "EXISTS");
  const { schema, name } = cursor.readQualifiedName();
  const body = cursor.readParenthesized();
  const columns: ParsedColumn[] = [];
  const constraints: ParsedTableConstraint[] = [];
  for (const group of splitTopLevel(body.tokens)) {
    const first = group[0] as Token;
    const part = new TokenCursor(sql, group);
    if (first.kind === "word" && tableConstraintWords.has(first.text.toUpperCase())) {
      constraints.push(readTableConstraint(part));
    } else {
      columns.push(readColumn(part));
    }
  }
  let withoutRowid = false;
  let strict = false;
  while (!cursor.done) {
    if (cursor.acceptWords("WITHOUT", "ROWID")) withoutRowid = true;
    else if (cursor.acceptWords("STRICT")) strict = true;
    else if (!cursor.acceptPunct(",") && !cursor.acceptPunct(";")) cursor.fail("unexpected table option");
  }
  return { ...(schema === undefined ? {} : { schema }), name, columns, constraints, withoutRowid, strict };
}

function readColumn(cursor: TokenCursor): ParsedColumn {
  const name = cursor.readName();
  const typeStart = cursor.index;
  while (!cursor.done) {
    const token = cursor.peek() as Token;
    if (token.kind === "word" && columnConstraintWords.has(token.text.toUpperCase())) break;
    if (isPunct(token, "(")) {
      cursor.readParenthesized();
      break;
    }
    cursor.next();
  }
  const type = cursor.textSince(typeStart).replace(/\s+/g, " ");
  let column: Mutable<ParsedColumn> = { name, type, notNull: false, checks: [] };
  while (!cursor.done) column = readColumnConstraint(cursor, column);
  return column;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function readColumnConstraint(cursor: TokenCursor, column: Mutable<ParsedColumn>): Mutable<ParsedColumn> {
  const constraintName = cursor.acceptWords("CONSTRAINT") ? cursor.readName() : undefined;
  const named = constraintName === undefined ? {} : { name: constraintName };
  if (cursor.acceptWords("PRIMARY", "KEY")) {
    if (!cursor.acceptWords("ASC")) cursor.acceptWords("DESC");
    skipConflictClause(cursor);
    return { ...column, primaryKey: { ...named, autoincrement: cursor.acceptWords("AUTOINCREMENT") } };
  }
  if (cursor.acceptWords("NOT", "NULL")) {
    skipConflictClause(cursor);
    return { ...column, notNull: true };
  }
  if (cursor.acceptWords("NULL")) {
    skipConflictClause(cursor);
    return column;
  }
  if (cursor.acceptWords("UNIQUE")) {
    skipConflictClause(cursor);
    return { ...column, unique: named };
  }
  if (cursor.acceptWords("CHECK")) {
    return { ...column, checks: [...column.checks, { ...named, expression: cursor.readParenthesized().text }] };
  }
  if (cursor.acceptWords("DEFAULT")) return { ...column, default: readDefault(cursor) };
  if (cursor.acceptWords("COLLATE")) return { ...column, collation: cursor.readName() };
  if (cursor.acceptWords("REFERENCES")) return { ...column, references: { ...named, ...readReference(cursor) } };
  if (cursor.acceptWords("GENERATED", "ALWAYS", "AS") || cursor.acceptWords("AS")) {
    const expression = cursor.readParenthesized().text;
    const stored = cursor.acceptWords("STORED");
    if (!stored) cursor.acceptWords("VIRTUAL");
    return { ...column, computed: { expression, stored } };
  }
  return cursor.fail("unknown column constraint");
}

/** DEFAULT takes a parenthesised expression, a signed number, a literal or a bare word. */
function readDefault(cursor: TokenCursor): string {
  if (isPunct(cursor.peek(), "(")) {
    const start = cursor.index;
    cursor.readParenthesized();
    return cursor.textSince(start);
  }
  const start = cursor.index;
  const first = cursor.next();
  if (first.kind === "operator" && (first.text === "-" || first.text === "+")) cursor.next();
  return cursor.textSince(start);
}

function skipConflictClause(cursor: TokenCursor): void {
  if (cursor.acceptWords("ON", "CONFLICT")) cursor.next();
}

function readTableConstraint(cursor: TokenCursor): ParsedTableConstraint {
  const constraintName = cursor.acceptWords("CONSTRAINT") ? cursor.readName() : undefined;
  const named = constraintName === undefined ? {} : { name: constraintName };
  let constraint: ParsedTableConstraint;
  if (cursor.acceptWords("PRIMARY", "KEY")) {
    constraint = { kind: "primary-key", ...named, columns: readIndexedColumnNames(cursor) };
    skipConflictClause(cursor);
  } else if (cursor.acceptWords("UNIQUE")) {
    constraint = { kind: "unique", ...named, columns: readIndexedColumnNames(cursor) };
    skipConflictClause(cursor);
  } else if (cursor.acceptWords("CHECK")) {
    constraint = { kind: "check", ...named, expression: cursor.readParenthesized().text };
  } else if (cursor.acceptWords("FOREIGN", "KEY")) {
    const columns = readIndexedColumnNames(cursor);
    cursor.expectWords("REFERENCES");
    constraint = { kind: "foreign-key", ...named, columns, references: readReference(cursor) };
  } else {
    return cursor.fail("unknown table constraint");
  }
  if (!cursor.done) cursor.fail("unexpected text after table constraint");
  return constraint;
}

/**
 * Reads `(a COLLATE x DESC, "b")` and keeps each item's column name (the first token); the
 * catalog, not this list, is the source of truth for index columns, so only names matter here.
 */
function readIndexedColumnNames(cursor: TokenCursor): string[] {
  const { tokens } = cursor.readParenthesized();
  return splitTopLevel(tokens).map((item) => {
    const inner = new TokenCursor(cursor.source, item);
    return inner.readName();
  });
}

function readReference(cursor: TokenCursor): ParsedReference {
  const { schema, name } = cursor.readQualifiedName();
  const columns = isPunct(cursor.peek(), "(") ? readIndexedColumnNames(cursor) : [];
  let reference: Mutable<ParsedReference> = { ...(schema === undefined ? {} : { schema }), table: name, columns };
  for (;;) {
    if (cursor.acceptWords("ON", "DELETE")) reference = { ...reference, onDelete: readAction(cursor) };
    else if (cursor.acceptWords("ON", "UPDATE")) reference = { ...reference, onUpdate: readAction(cursor) };
    else if (cursor.acceptWords("MATCH")) cursor.readName();
    else break;
  }
  if (cursor.acceptWords("NOT", "DEFERRABLE")) {
    if (!cursor.acceptWords("INITIALLY", "DEFERRED")) cursor.acceptWords("INITIALLY", "IMMEDIATE");
  } else if (cursor.acceptWords("DEFERRABLE")) {
    // A bare DEFERRABLE is initially immediate (https://www.sqlite.org/foreignkeys.html#fk_deferred).
    const deferred = cursor.acceptWords("INITIALLY", "DEFERRED");
    if (!deferred) cursor.acceptWords("INITIALLY", "IMMEDIATE");
    reference = { ...reference, deferrable: deferred ? "INITIALLY DEFERRED" : "INITIALLY IMMEDIATE" };
  }
  return reference;
}

function readAction(cursor: TokenCursor): ReferentialAction {
  if (cursor.acceptWords("SET", "NULL")) return "SET NULL";
  if (cursor.acceptWords("SET", "DEFAULT")) return "SET DEFAULT";
  if (cursor.acceptWords("CASCADE")) return "CASCADE";
  if (cursor.acceptWords("RESTRICT")) return "RESTRICT";
  if (cursor.acceptWords("NO", "ACTION")) return "NO ACTION";
  return cursor.fail("unknown referential action");
}
