import "reflect-metadata";
import { Column, Entity, EntitySchema, Index, PrimaryColumn, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from "typeorm";
import type { EntitySet } from "./entity-set";

export class AgAddress {
  @Column({ type: "varchar", length: 100 })
  street: string;

  @Column({ type: "varchar", length: 60, nullable: true })
  city: string | null;
}

@Entity("ag_shop", { comment: "Physical shops" })
@Index("IDX_ag_shop_unsynced", { synchronize: false })
export class AgShop {
  @PrimaryColumn({ type: "varchar", length: 12 })
  code: string;

  @PrimaryColumn({ type: "int" })
  branch: number;

  @Column({ type: "int", comment: "width in metres" })
  width: number;

  @Column({ type: "int", asExpression: `"width" * 2`, generatedType: "STORED" })
  doubleWidth: number;

  @Column(() => AgAddress)
  address: AgAddress;
}

/** Not synchronized: TypeORM leaves it alone, so the model has no table for it. */
@Entity("ag_legacy", { synchronize: false })
export class AgLegacy {
  @PrimaryGeneratedColumn()
  id: number;
}

@ViewEntity({
  name: "ag_shop_view",
  expression: `SELECT "code", "width" FROM "ag_shop" WHERE "width" > 10`,
})
export class AgShopView {
  @ViewColumn()
  code: string;

  @ViewColumn()
  width: number;
}

export const AgNoteSchema = new EntitySchema<{ id: number; body: string; shopCode: string }>({
  name: "AgNote",
  tableName: "ag_note",
  columns: {
    id: { type: Number, primary: true, generated: "increment" },
    body: { type: "text", default: "" },
    shopCode: { type: "varchar", length: 12, nullable: true },
  },
  indices: [{ name: "IDX_ag_note_shop", columns: ["shopCode"] }],
});

/** Composite key, comments, a stored computed column, embedded columns, a view, an EntitySchema. */
export const extrasSet: EntitySet = {
  name: "extras",
  dialects: ["postgres", "sqlite"],
  entities: [AgShop, AgLegacy, AgShopView, AgNoteSchema],
};
