import { qualifiedName } from "../../model/keys";
import type { SchemaModel, TableModel, View } from "../../model/types";
import type { Operation } from "../../ops/types";
import { assertNever } from "../../util/assert-never";
import type { Statement } from "../statement";
import { emitAddColumn, emitAlterColumn, emitDropColumn } from "./emit-column";
import { emitAlterEnum, emitCreateEnum, emitDropEnum } from "./emit-enum";
import {
  alterTable,
  checkClause,
  createIndexStatement,
  dropIndexStatement,
  exclusionClause,
  foreignKeyClause,
  primaryKeyClause,
  qualify,
  statement,
  tableCommentStatement,
  uniqueClause,
} from "./emit-sql";
import { emitCreateTable, emitDropTable } from "./emit-table";
import { quoteIdent } from "./quote";

export { postgresAddsEnumValues } from "./emit-enum";

/**
 * The PostgreSQL statements that perform `op`. `before` is the schema model just before the
 * operation (used to tell index columns from index expressions). Pure: no I/O.
 *
 * Identifiers go through `quoteIdent`, comments and enum labels through `quoteLiteral`;
 * defaults, checks, predicates and view queries are SQL expressions from the model and are
 * written as they are. `execute` passes its SQL and parameters through.
 */
export function emitPostgres(op: Operation, before: SchemaModel): Statement[] {
  switch (op.kind) {
    case "createTable":
      return emitCreateTable(op.table);
    case "dropTable":
      return emitDropTable(op.table);
    case "renameTable":
      return [alterTable(op.schema, op.from, `RENAME TO ${quoteIdent(op.to)}`)];
    case "addColumn":
      return emitAddColumn(op);
    case "dropColumn":
      return emitDropColumn(op);
    case "alterColumn":
      return emitAlterColumn(op);
    case "renameColumn":
      return [alterTable(op.schema, op.table, `RENAME COLUMN ${quoteIdent(op.from)} TO ${quoteIdent(op.to)}`)];
    case "createIndex":
      return [createIndexStatement(op.schema, op.table, op.index, findTable(before, op.schema, op.table))];
    case "dropIndex":
      return [dropIndexStatement(op.schema, op.index)];
    case "createUnique":
      return [alterTable(op.schema, op.table, `ADD ${uniqueClause(op.unique)}`)];
    case "dropUnique":
      return [dropConstraint(op.schema, op.table, op.unique.name)];
    case "createForeignKey":
      return [alterTable(op.schema, op.table, `ADD ${foreignKeyClause(op.foreignKey)}`)];
    case "dropForeignKey":
      return [dropConstraint(op.schema, op.table, op.foreignKey.name)];
    case "createCheck":
      return [alterTable(op.schema, op.table, `ADD ${checkClause(op.check)}`)];
    case "dropCheck":
      return [dropConstraint(op.schema, op.table, op.check.name)];
    case "createExclusion":
      return [alterTable(op.schema, op.table, `ADD ${exclusionClause(op.exclusion)}`)];
    case "dropExclusion":
      return [dropConstraint(op.schema, op.table, op.exclusion.name)];
    case "createPrimaryKey":
      return [alterTable(op.schema, op.table, `ADD ${primaryKeyClause(op.primaryKey)}`)];
    case "dropPrimaryKey":
      // An unnamed key has PostgreSQL's default name (https://www.postgresql.org/docs/current/ddl-constraints.html).
      return [dropConstraint(op.schema, op.table, op.primaryKey.name ?? `${op.table}_pkey`)];
    case "setTableComment":
      return [tableCommentStatement(op.schema, op.table, op.to)];
    case "createEnum":
      return emitCreateEnum(op.enumType);
    case "dropEnum":
      return emitDropEnum(op.enumType);
    case "alterEnum":
      return emitAlterEnum(op);
    case "createView":
      return [
        statement(`CREATE ${viewWord(op.view)} ${qualify(op.view.schema, op.view.name)} AS ${op.view.definition}`),
      ];
    case "dropView":
      return [statement(`DROP ${viewWord(op.view)} ${qualify(op.view.schema, op.view.name)}`)];
    case "execute":
      return [op.params === undefined ? { sql: op.sql } : { sql: op.sql, params: op.params }];
    default:
      return assertNever(op, "operation");
  }
}

function viewWord(view: View): string {
  return view.materialized ? "MATERIALIZED VIEW" : "VIEW";
}

function dropConstraint(schema: string | undefined, table: string, name: string): Statement {
  return alterTable(schema, table, `DROP CONSTRAINT ${quoteIdent(name)}`);
}

function findTable(model: SchemaModel, schema: string | undefined, name: string): TableModel | undefined {
  const key = qualifiedName({ ...(schema === undefined ? {} : { schema }), name });
  return model.tables.find((t) => qualifiedName(t) === key);
}
