/**
 * The save writer: puts the saved library's text together from its pieces and writes it, off the page's thread
 * (`writeSavedText`). At 10,000 models the text is 5 MB; joining it and handing it to IndexedDB held the page
 * 40–60 ms per save. The page sends only the pieces this worker has not had yet (after a price edit, one run of
 * 256 models); when storage no longer holds the revision the save was measured from, nothing is written and the
 * page saves the usual way (reading, merging).
 */
import { expose } from 'comlink';
import { takePieces, writeSavedText } from './save-writer';
import type { SaveWrite } from './save-writer';

/** The pieces of the last save, by id. */
const pieces = new Map<number, string>();

const api = {
  take: (added: SaveWrite['added']) => takePieces(pieces, added),
  write: (request: SaveWrite) => writeSavedText(pieces, request),
};

export type SaveWriterWorkerApi = typeof api;

expose(api);
