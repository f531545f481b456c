import type { Table } from "typeorm";
import type { Index } from "../model/types";
import type { ReadContext } from "./context";

/**
 * The indexes `createTable` creates: TypeORM's `Table.create` already keeps only indexes with
 * `synchronize !== false`. `where` goes through the dialect's `normalizeExpression`; `spatial`
 * only where TypeORM builds a GiST index (`spatial: true` or `type: "gist"`).
 */
export function readIndexes(context: ReadContext, table: Table): Index[] {
  return table.indices.map((index) => {
    const name =
      index.name ?? context.dataSource.namingStrategy.indexName(table, index.columnNames, index.where);
    const where = index.where ? context.dialect.normalizeExpression(index.where) : undefined;
    const spatial =
      context.behaviour.spatialIndexes && (index.isSpatial || index.type?.toLowerCase() === "gist");
    return {
      name,
      columns: [...index.columnNames],
      unique: index.isUnique,
      ...(where === undefined ? {} : { where }),
      ...(spatial ? { spatial: true } : {}),
    };
  });
}
