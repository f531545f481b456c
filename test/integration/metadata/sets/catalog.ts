import "reflect-metadata";
import {
  ChildEntity,
  Column,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  TableInheritance,
  Tree,
  TreeChildren,
  TreeParent,
} from "typeorm";
import type { Relation } from "typeorm";
import type { EntitySet } from "./entity-set";

@Entity("ag_tag")
export class AgTag {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 40 })
  label: string;
}

@Entity("ag_article")
export class AgArticle {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar" })
  title: string;

  @ManyToMany(() => AgTag)
  @JoinTable()
  tags: Relation<AgTag[]>;
}

@Entity("ag_category")
@Tree("closure-table")
export class AgCategory {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 80 })
  name: string;

  @TreeChildren()
  children: Relation<AgCategory[]>;

  @TreeParent({ onDelete: "SET NULL" })
  parent: Relation<AgCategory> | null;
}

@Entity("ag_content")
@TableInheritance({ column: { type: "varchar", length: 20, name: "kind" } })
export class AgContent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 200 })
  title: string;
}

@ChildEntity("video")
export class AgVideo extends AgContent {
  @Column({ type: "int", nullable: true })
  seconds: number | null;
}

@ChildEntity("photo")
export class AgPhoto extends AgContent {
  @Column({ type: "int", nullable: true })
  width: number | null;
}

/** Many-to-many junction, closure-table tree, single-table inheritance. */
export const catalogSet: EntitySet = {
  name: "catalog",
  dialects: ["postgres", "sqlite"],
  entities: [AgTag, AgArticle, AgCategory, AgContent, AgVideo, AgPhoto],
};
