/**
 * The width of a piece of source text in columns, as prettier 3 measures it when it decides
 * whether a line fits (`getStringWidth`): printable ASCII is one column each; otherwise
 * emoji sequences take two columns, control characters and combining marks none, East Asian
 * wide and fullwidth characters two (Unicode UAX #11), everything else one.
 *
 * Prettier finds emoji with a generated list of sequences (emoji-regex) that also holds
 * sequences Unicode does not recommend (a ZWJ sequence missing a U+FE0F, for instance); this
 * module knows the recommended ones (`\p{RGI_Emoji}`) only. `hasAmbiguousWidth` tells the text
 * where the two may disagree, so that prettier can decide there.
 */

const ZERO_WIDTH_MARK = /[\p{Mn}\p{Me}]/u;
// Every RGI emoji, including the multi-code-point ones (ZWJ sequences, flags, keycaps, skin
// tones): prettier counts each as one two-column character. Built at run time because the `v`
// flag is newer than the compile target, and only on first use: compiling it takes ~20 ms, and
// most migrations are all ASCII.
let emojiSequence: RegExp | undefined;
function emojiSequencePattern(): RegExp {
  emojiSequence ??= new RegExp("[#*0-9]\\uFE0F?\\u20E3|\\p{RGI_Emoji}", "gv");
  return emojiSequence;
}

/** Whether every character of `text` is in U+0020..U+007F, where width is one column each. */
function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7f) return false;
  }
  return true;
}

/**
 * Code points two columns wide on their own, as inclusive [first, last] pairs in ascending
 * order: East Asian Wide and Fullwidth characters and emoji presented as pictures. The unit
 * test `string-width.test.ts` compares this table with prettier for every code point.
 */
const WIDE: readonly number[] = [
  0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3,
  0x25fd, 0x25fe, 0x2614, 0x2615, 0x261d, 0x261d, 0x2630, 0x2637, 0x2648, 0x2653, 0x267f, 0x267f,
  0x268a, 0x268f, 0x2693, 0x2693, 0x26a1, 0x26a1, 0x26aa, 0x26ab, 0x26bd, 0x26be, 0x26c4, 0x26c5,
  0x26ce, 0x26ce, 0x26d4, 0x26d4, 0x26ea, 0x26ea, 0x26f2, 0x26f3, 0x26f5, 0x26f5, 0x26f9, 0x26fa,
  0x26fd, 0x26fd, 0x2705, 0x2705, 0x270a, 0x270d, 0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e,
  0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27b0, 0x27b0, 0x27bf, 0x27bf, 0x2b1b, 0x2b1c,
  0x2b50, 0x2b50, 0x2b55, 0x2b55, 0x2e80, 0x2e99, 0x2e9b, 0x2ef3, 0x2f00, 0x2fd5, 0x2ff0, 0x3029,
  0x302e, 0x303e, 0x3041, 0x3096, 0x309b, 0x30ff, 0x3105, 0x312f, 0x3131, 0x318e, 0x3190, 0x31e5,
  0x31ef, 0x321e, 0x3220, 0x3247, 0x3250, 0xa48c, 0xa490, 0xa4c6, 0xa960, 0xa97c, 0xac00, 0xd7a3,
  0xf900, 0xfaff, 0xfe10, 0xfe19, 0xfe30, 0xfe52, 0xfe54, 0xfe66, 0xfe68, 0xfe6b, 0xff01, 0xff60,
  0xffe0, 0xffe6, 0x16fe0, 0x16fe3, 0x16ff0, 0x16ff6, 0x17000, 0x18cda, 0x18cff, 0x18d20, 0x18d80, 0x18df2,
  0x18e00, 0x19191, 0x191a0, 0x191d2, 0x1aff0, 0x1aff3, 0x1aff5, 0x1affb, 0x1affd, 0x1affe, 0x1b000, 0x1b128,
  0x1b132, 0x1b132, 0x1b150, 0x1b152, 0x1b155, 0x1b155, 0x1b164, 0x1b168, 0x1b170, 0x1b2fb, 0x1d300, 0x1d356,
  0x1d360, 0x1d376, 0x1f004, 0x1f004, 0x1f0cf, 0x1f0cf, 0x1f18e, 0x1f18e, 0x1f191, 0x1f19a, 0x1f1ae, 0x1f1ae,
  0x1f200, 0x1f202, 0x1f210, 0x1f23b, 0x1f240, 0x1f248, 0x1f250, 0x1f251, 0x1f260, 0x1f265, 0x1f300, 0x1f320,
  0x1f32d, 0x1f335, 0x1f337, 0x1f37c, 0x1f37e, 0x1f393, 0x1f3a0, 0x1f3cc, 0x1f3cf, 0x1f3d3, 0x1f3e0, 0x1f3f0,
  0x1f3f4, 0x1f3f4, 0x1f3f8, 0x1f43e, 0x1f440, 0x1f440, 0x1f442, 0x1f4fc, 0x1f4ff, 0x1f53d, 0x1f54b, 0x1f54e,
  0x1f550, 0x1f567, 0x1f574, 0x1f575, 0x1f57a, 0x1f57a, 0x1f590, 0x1f590, 0x1f595, 0x1f596, 0x1f5a4, 0x1f5a4,
  0x1f5fb, 0x1f64f, 0x1f680, 0x1f6c5, 0x1f6cc, 0x1f6cc, 0x1f6d0, 0x1f6d2, 0x1f6d5, 0x1f6d9, 0x1f6dc, 0x1f6df,
  0x1f6eb, 0x1f6ec, 0x1f6f4, 0x1f6fc, 0x1f7da, 0x1f7da, 0x1f7e0, 0x1f7eb, 0x1f7f0, 0x1f7f0, 0x1f90c, 0x1f93a,
  0x1f93c, 0x1f945, 0x1f947, 0x1f9ff, 0x1fa70, 0x1fa7c, 0x1fa80, 0x1fac6, 0x1fac8, 0x1fac8, 0x1facc, 0x1fadd,
  0x1fadf, 0x1faeb, 0x1faef, 0x1fafa, 0x20000, 0x2fffd, 0x30000, 0x3fffd,
];

/** Whether `codePoint` is inside one of the `WIDE` ranges (binary search). */
function isWide(codePoint: number): boolean {
  if (codePoint < WIDE[0]!) return false;
  let low = 0;
  let high = WIDE.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (codePoint < WIDE[middle * 2]!) high = middle - 1;
    else if (codePoint > WIDE[middle * 2 + 1]!) low = middle + 1;
    else return true;
  }
  return false;
}

function codePointWidth(character: string): number {
  const codePoint = character.codePointAt(0)!;
  if (isWide(codePoint)) return 2;
  if (codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f)) return 0;
  return ZERO_WIDTH_MARK.test(character) ? 0 : 1;
}

/** The number of columns `text` takes on a line, as prettier counts them. */
export function stringWidth(text: string): number {
  if (isPrintableAscii(text)) return text.length;
  let width = 0;
  const rest = text.replace(emojiSequencePattern(), (emoji) => {
    // A lone code point is measured like any other (some emoji are narrow); a sequence is one picture.
    const single = emoji.length === 1 || (emoji.length === 2 && emoji.codePointAt(0)! > 0xffff);
    width += single ? codePointWidth(emoji) : 2;
    return "";
  });
  for (const character of rest) width += codePointWidth(character);
  return width;
}

// Every emoji sequence of more than one code point contains one of these: a zero width joiner,
// a variation selector, a keycap, a skin tone modifier, a regional indicator (flags) or a tag
// character (subdivision flags); see Unicode UTS #51. Unpaired surrogates are here because
// prettier's measure can join two of them once an emoji between them is taken out.
const AMBIGUOUS =
  /[\u200d\ufe0e\ufe0f\u20e3\u{1f3fb}-\u{1f3ff}\u{1f1e6}-\u{1f1ff}\u{e0020}-\u{e007f}]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/**
 * Whether `text` holds a character by which `stringWidth` may count differently from prettier
 * (see above). Without one, every piece of `text` measures exactly as prettier measures it.
 */
export function hasAmbiguousWidth(text: string): boolean {
  return !isPrintableAscii(text) && AMBIGUOUS.test(text);
}
