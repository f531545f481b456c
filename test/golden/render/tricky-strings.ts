import type { OpApi } from "retort";

export const revision = "3c4d5e6f7a8b";
export const downRevision = "0a1b2c3d4e5f";
export const message = 'say "hi"\nto \\ everyone */ ✓';
export const createdAt = "2026-11-21T10:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.createTable('odd "table"', {
    columns: [
      {
        name: "col\nwith newline",
        type: "text",
        default: "'it''s'",
        comment: 'He said "hi" \\ then\nleft */ /* ok `tick` ${x} \u2028 ünïcødé 日本 😀',
      },
      { name: "ключ", type: "integer", nullable: true },
    ],
    checks: [{ name: "CHK_odd", expression: "\"ключ\" <> 0 AND 'a\\b' <> ''" }],
    comment: "a */ comment",
  });
  // data loss: drops column odd "table".gone\r\nnow and its values
  await op.dropColumn('odd "table"', { name: "gone\r\nnow", type: "text", nullable: true });
}

export async function down(op: OpApi): Promise<void> {
  await op.addColumn('odd "table"', { name: "gone\r\nnow", type: "text", nullable: true });
  // data loss: drops table odd "table" and all its rows
  await op.dropTable('odd "table"', {
    columns: [
      {
        name: "col\nwith newline",
        type: "text",
        default: "'it''s'",
        comment: 'He said "hi" \\ then\nleft */ /* ok `tick` ${x} \u2028 ünïcødé 日本 😀',
      },
      { name: "ключ", type: "integer", nullable: true },
    ],
    checks: [{ name: "CHK_odd", expression: "\"ключ\" <> 0 AND 'a\\b' <> ''" }],
    comment: "a */ comment",
  });
}
