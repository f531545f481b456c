/**
 * One SQL statement an emitter produces for an operation. DDL cannot take parameters, so
 * emitted DDL carries none; only raw `execute` operations pass their own `params` through.
 */
export interface Statement {
  readonly sql: string;
  readonly params?: readonly unknown[];
}
