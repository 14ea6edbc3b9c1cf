/**
 * Saving text or an image as a file the browser downloads: a Blob, an object URL and a clicked anchor.
 */

/** Characters file systems refuse or treat specially (Windows is the strictest), and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_NAME_CHARS = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/**
 * A file name made from a name a person typed: unsafe characters become "-", spaces are trimmed, at most 100
 * characters; `fallback` when nothing is left. `makeFileName("EU: support", ".scenario.json")` →
 * `"EU- support.scenario.json"`.
 */
export function makeFileName(name: string, extension: string, fallback = 'scenario'): string {
  const base = name.replace(UNSAFE_FILE_NAME_CHARS, '-').trim().replace(/^\.+/, '').slice(0, 100).trim();
  return `${base === '' ? fallback : base}${extension}`;
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
