/**
 * Text from a scenario (names, ids) printed to a terminal: control characters could move the cursor, recolour
 * or rewrite the screen, and a newline would break one-issue-per-line output, so they are shown escaped.
 */

/** C0 and C1 controls (newline and tab included), DEL, and the bidirectional overrides that reorder text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The same characters but the line feed, which ends CSV rows and may sit in a quoted cell. */
const UNPRINTABLE_BUT_NEWLINE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `\u001b` → `\u{1b}`: the character written out instead of obeyed. */
function showEscaped(character: string): string {
  return `\\u{${character.charCodeAt(0).toString(16)}}`;
}

/** `"a\u001b[2Jb"` → `a\u{1b}[2Jb`: printable text that shows every control character instead of obeying it. */
export function toPrintableText(text: string): string {
  return text.replace(UNPRINTABLE, showEscaped);
}

/**
 * CSV text for a terminal: every control character but the line feed shown escaped as in `toPrintableText`, so
 * rows stay rows and a quoted cell may still span lines, but no name can clear the screen or retitle the window.
 */
export function toPrintableCsv(csv: string): string {
  return csv.replace(UNPRINTABLE_BUT_NEWLINE, showEscaped);
}
