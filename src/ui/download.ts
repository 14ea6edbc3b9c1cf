/**
 * Saving text or an image as a file the browser downloads: a Blob, an object URL and a clicked anchor.
 */

/** A colon or a bar between words, spaces around it included: it becomes a spaced en dash. */
const SEPARATOR = /\s*[:|]+\s*/g;
/** Slashes, which would make a folder: a hyphen, as in "A-B test". */
const SLASHES = /[/\\]+/g;
/**
 * Other characters file systems refuse or treat specially (Windows is the strictest), and control characters:
 * dropped (each leaves a space, so words stay apart).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_NAME_CHARS = /[\u0000-\u001f\u007f<>"?*]+/g;

/**
 * A file name made from a name a person typed or a chart's title, reading as the name does: a colon or bar
 * becomes " – " ("Credits and cash: Cheap" → "Credits and cash – Cheap"), slashes "-", the other characters file
 * systems refuse are dropped, runs of spaces become one, and spaces, dots and dashes at either end go (a leading
 * dot hides a file, Windows drops trailing ones); at most 100 characters; `fallback` when nothing is left.
 * `makeFileName("EU: support", ".scenario.json")` → `"EU – support.scenario.json"`.
 */
export function makeFileName(name: string, extension: string, fallback = 'scenario'): string {
  const words = name
    .replace(SEPARATOR, ' – ')
    .replace(SLASHES, '-')
    .replace(UNSAFE_FILE_NAME_CHARS, ' ')
    .replace(/\s+/g, ' ');
  const base = trimFileNameEnds(trimFileNameEnds(words).slice(0, 100));
  return `${base === '' ? fallback : base}${extension}`;
}

/** A name without the spaces, dots and dashes at its ends (a separator with nothing before or after it). */
function trimFileNameEnds(name: string): string {
  return name.replace(/^[.\s–]+|[.\s–]+$/g, '');
}

/** Makes the browser download `text` as `fileName`. */
export function downloadText(text: string, fileName: string, mimeType = 'application/json'): void {
  downloadBlob(new Blob([text], { type: mimeType }), fileName);
}

/** Makes the browser download a Blob's exact bytes (an image, a text file, a kept save) as `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns: release it on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
