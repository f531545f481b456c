import { RetortError } from "../../util/errors";
import { findClosingParen, isPunct, isWord, type Token } from "./tokenize";

/**
 * A read position over a token list, with the few moves a recursive-descent reader of
 * SQLite DDL needs. `source` is kept so that expressions can be sliced out as written.
 */
export class TokenCursor {
  private position = 0;

  constructor(
    readonly source: string,
    readonly tokens: readonly Token[],
  ) {}

  get done(): boolean {
    return this.position >= this.tokens.length;
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset];
  }

  next(): Token {
    const token = this.tokens[this.position];
    if (token === undefined) this.fail("unexpected end of statement");
    this.position++;
    return token;
  }

  /** Consumes the given words, in order, when they all come next; reports whether it did. */
  acceptWords(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) {
      if (!isWord(this.tokens[this.position + i], words[i] as string)) return false;
    }
    this.position += words.length;
    return true;
  }

  expectWords(...words: string[]): void {
    if (!this.acceptWords(...words)) this.fail(`expected ${words.join(" ")}`);
  }

  acceptPunct(mark: string): boolean {
    if (!isPunct(this.peek(), mark)) return false;
    this.position++;
    return true;
  }

  /** Reads a name: a bare word, a quoted identifier, or (as SQLite tolerates) a string. */
  readName(): string {
    const token = this.next();
    if (token.kind === "word") return token.text;
    if (token.kind === "quoted" || token.kind === "string") return token.value;
    return this.fail(`expected a name, found ${token.text}`);
  }

  /** Reads `name` or `schema.name`. */
  readQualifiedName(): { schema?: string; name: string } {
    const first = this.readName();
    if (!this.acceptPunct(".")) return { name: first };
    return { schema: first, name: this.readName() };
  }

  /**
   * Reads a parenthesised group and returns the tokens inside it and the text inside it,
   * exactly as written (trimmed).
   */
  readParenthesized(): { tokens: Token[]; text: string } {
    if (!isPunct(this.peek(), "(")) this.fail("expected (");
    const close = findClosingParen(this.tokens, this.position);
    if (close === -1) this.fail("unbalanced parentheses");
    const open = this.tokens[this.position] as Token;
    const closing = this.tokens[close] as Token;
    const inner = this.tokens.slice(this.position + 1, close);
    this.position = close + 1;
    return { tokens: inner, text: this.source.slice(open.end, closing.start).trim() };
  }

  /** The source text from token `from` (a position) up to the current position. */
  textSince(from: number): string {
    const first = this.tokens[from];
    const last = this.tokens[this.position - 1];
    if (first === undefined || last === undefined || this.position <= from) return "";
    return this.source.slice(first.start, last.end);
  }

  get index(): number {
    return this.position;
  }

  fail(message: string): never {
    const at = this.peek()?.start ?? this.source.length;
    throw new RetortError("internal", `Cannot parse SQLite DDL (${message}) at offset ${at}: ${this.source}`);
  }
}
