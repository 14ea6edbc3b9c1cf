import { vi } from 'vitest';

/**
 * Catches the files `downloadText` would save: their names, in order, and their blobs. Restore with
 * `vi.restoreAllMocks()` (the anchor's click) after the test.
 */
export function captureDownloads(): { names: string[]; blobs: Blob[] } {
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { names, blobs };
}
