/**
 * `flatGroup` lets the printer write a group's known flat text instead of walking it. These
 * tests hold it to the group it stands for: in every context and width, a document with the
 * flat group prints exactly what the same document with the plain group prints, and the plain
 * group is built only when the text does not fit.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { flatGroup, group, ifBreak, indent, indentIfBreak, join, line, printDoc, softline, type Doc } from "../../../src/render/doc";
import { Random } from "./corpus";

/** A data-like group (an object or array literal) of random depth, built afresh on each call. */
function randomGroup(r: Random, depth: number): () => Doc {
  const seed = r.int(1, 1_000_000);
  return () => {
    const own = new Random(seed);
    const items = own.list(1, 4, () => (depth < 2 && own.chance(0.4) ? randomGroup(own, depth + 1)() : "x".repeat(own.int(1, 12))));
    if (own.chance(0.5)) return group(["[", indent([softline, join([",", line], items)]), ifBreak(","), softline, "]"]);
    const id = Symbol("assignment");
    const props = items.map((item, i) => [i === 0 ? "" : [",", line], group(["k", ":", group(indent(line), { id }), indentIfBreak(item, id)])]);
    return group(["{", indent([line, ...props]), ifBreak(","), line, "}"]);
  };
}

/** The same group as a `flatGroup`, its text taken from printing it on one unlimited line. */
function asFlatGroup(build: () => Doc, built: { count: number }): Doc {
  const text = printDoc(build(), Number.MAX_SAFE_INTEGER);
  return flatGroup(text, text.length, () => {
    built.count += 1;
    return build();
  });
}

/** A few places a value sits in: after a key, as an element of a broken list, hugged by a call. */
function contexts(value: Doc): Doc[] {
  return [
    group(["const x = ", value, ";"]),
    group(["f(", value, ")"], { shouldBreak: true }),
    group(["[", indent([softline, join([",", line], ["aaaa", value, "bbbbbbbb"])]), ifBreak(","), softline, "]"], { shouldBreak: true }),
    group(["{", indent([line, "key: ", value]), line, "}"]),
  ];
}

describe("flatGroup", () => {
  it("prints what the group it stands for prints, in every context and width", () => {
    let broken = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const build = randomGroup(new Random(seed), 0);
      for (const width of [8, 16, 24, 40, 80]) {
        for (const start of [0, 2]) {
          const built = { count: 0 };
          const plain = contexts(build());
          const flat = contexts(asFlatGroup(build, built));
          plain.forEach((doc, i) => {
            assert.equal(printDoc(flat[i]!, width, start), printDoc(doc, width, start), `seed ${seed}, width ${width}, context ${i}`);
          });
          broken += built.count;
        }
      }
    }
    // Narrow widths break many of them, wide ones none: both paths ran.
    assert.ok(broken > 0);
  });

  it("builds its contents only when the text does not fit", () => {
    const built = { count: 0 };
    const value = asFlatGroup(() => group(["[", indent([softline, join([",", line], ["aaa", "bbb"])]), softline, "]"]), built);
    assert.equal(printDoc(group(["x = ", value]), 80), "x = [aaa, bbb]");
    assert.equal(built.count, 0);
    assert.equal(printDoc(group(["x = ", value]), 10), "x = [\n  aaa,\n  bbb\n]");
    assert.equal(built.count, 1);
  });
});
