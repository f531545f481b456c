/**
 * `--strict` on `revision --autogenerate` and `check`: both print the operations and the hazard
 * summary; when an operation loses data both exit 3, and `revision` writes no file. Changes
 * without data loss pass `revision --strict` (the file is written) and fail `check` with the
 * ordinary exit 1.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { expectFailure, listMigrations, openBadProject } from "./bad-input-support";
import { addAuthorBio, replacePagesWithIsbn } from "./commands-support";

for (const dialect of ["sqlite", "postgres"] as const) {
  test(`${dialect}: --strict refuses data loss in revision --autogenerate and check`, async () => {
    const project = await openBadProject(dialect);
    project.ok("revision", "--autogenerate", "--strict", "-m", "init", "--rev-id", "aaaa00000001");
    project.ok("upgrade", "head");

    const bookFile = join(project.dir, "entities", "book.ts");
    const book = readFileSync(bookFile, "utf8");
    replacePagesWithIsbn(project.dir);
    const summary = [
      "  - drop column books.pages",
      "  - add column books.isbn",
      ...(dialect === "sqlite" ? ["3 hazards: 1 data loss, 1 may fail, 1 heavy"] : ["2 hazards: 1 data loss, 1 may fail"]),
      "  data loss: drops column books.pages and its values",
      "  may fail: NOT NULL column books.isbn without a default fails on a non-empty table",
      ...(dialect === "sqlite" ? ["  heavy: rebuilds books (copies every row)"] : []),
    ];
    const files = listMigrations(project);
    const renameHint =
      "possible rename (books.pages -> books.isbn) is a drop + add here; to keep the data pass --rename old->new (e.g. --rename books.pages->books.isbn)";
    await expectFailure(project, ["revision", "--autogenerate", "--strict", "-m", "isbn"], {
      code: 3,
      message: "2 operations detected, 1 losing data; no migration written (--strict): review the hazards above, then run again without --strict",
      stdout: summary,
      warnings: [renameHint],
    });
    assert.deepEqual(listMigrations(project), files, "no file written");
    await expectFailure(project, ["check", "--strict"], {
      code: 3,
      message: "2 new upgrade operations detected, 1 losing data; run `retort revision --autogenerate -m <message>` and review it",
      stdout: summary,
    });

    // Without data loss --strict changes nothing: check fails as usual, the file is written.
    writeFileSync(bookFile, book);
    addAuthorBio(project.dir);
    await expectFailure(project, ["check", "--strict"], {
      code: 1,
      message: "1 new upgrade operation detected; run `retort revision --autogenerate -m <message>`",
      stdout: ["  - add column authors.bio"],
    });
    const written = project.ok("revision", "--autogenerate", "--strict", "-m", "bio", "--rev-id", "bbbb00000001");
    assert.match(written[0]!, /^Generating migrations\/\d{8}_\d{4}_bbbb00000001_bio\.ts \.\.\. done$/);
    assert.deepEqual(written.slice(1), ["  - add column authors.bio"]);
    assert.equal(listMigrations(project).length, files.length + 1);
  });
}
