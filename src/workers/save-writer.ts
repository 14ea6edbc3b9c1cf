/**
 * What the save writer does (src/workers/save-writer.worker.ts runs it): puts the saved library's text together
 * from its pieces and writes it with its revision, in one transaction, only while storage still holds the
 * revision the save was measured from.
 */
import { updateStored } from '../io/saved-store';

/** One save, as the page sends it. */
export type SaveWrite = {
  /** The stored revision the save is measured from: the text is written only while storage holds it. */
  expectedRevision: number;
  /** The revision written with the text. */
  revision: number;
  /** The text's pieces in order, by id: pieces sent with an earlier save, or in `added`. */
  order: readonly number[];
  /** Pieces the writer has not had yet (nor taken ahead of the save, `takePieces`), with their ids. */
  added: readonly (readonly [number, string])[];
};

/**
 * The page's side of the pieces: which pieces the writer holds, by id. `idOf` gives a piece of the save being
 * sent its id (the one the writer holds it under, or a new one); `sent` once the save is sent, after which the
 * writer holds exactly that save's pieces, as `writeSavedText` leaves them. `forget` after a failed write: the
 * next save sends every piece.
 */
export class PieceIds {
  private held = new Map<string, number>();
  private sending = new Map<string, number>();
  private nextId = 0;

  /** The id of `part` in the save being sent, and whether the writer has yet to be sent it. */
  idOf(part: string): { id: number; isNew: boolean } {
    let id = this.sending.get(part);
    if (id !== undefined) return { id, isNew: false };
    id = this.held.get(part);
    const isNew = id === undefined;
    if (id === undefined) id = this.nextId++;
    this.sending.set(part, id);
    return { id, isNew };
  }

  sent(): void {
    this.held = this.sending;
    this.sending = new Map();
  }

  forget(): void {
    this.held = new Map();
    this.sending = new Map();
  }
}

/** The save writer as the page calls it (the worker's api, or the same functions in tests). */
export type SaveWriterApi = {
  /** Takes pieces of the save being sent ahead of it. */
  take: (added: SaveWrite['added']) => Promise<void>;
  write: (request: SaveWrite) => Promise<SaveWriteResult>;
};

/**
 * New pieces are handed to the writer in messages of about this many characters. Copying a message to the
 * worker holds the page about 5 ms per megabyte on a slow machine, and the first save after opening a
 * 10,000-model library sends all 5 MB of it: in one message that held the page some 35 ms.
 */
export const BATCH_CHARS = 256 * 1024;

/**
 * Sends the save of the text `parts.join('')` to `api`: the ids of the pieces it holds, and the others in
 * batches of about `BATCH_CHARS`, each batch's copy (and the hashing of its pieces, to find which are new) in a
 * task of its own, since the page waits for the writer's answer to each before it goes on.
 */
export async function sendSave(
  api: SaveWriterApi,
  ids: PieceIds,
  save: { expectedRevision: number; revision: number; parts: readonly string[] },
): Promise<SaveWriteResult> {
  const order: number[] = [];
  let added: [number, string][] = [];
  let addedChars = 0;
  for (const part of save.parts) {
    const { id, isNew } = ids.idOf(part);
    order.push(id);
    if (!isNew) continue;
    added.push([id, part]);
    addedChars += part.length;
    if (addedChars >= BATCH_CHARS) {
      await api.take(added);
      added = [];
      addedChars = 0;
    }
  }
  ids.sent();
  return api.write({ expectedRevision: save.expectedRevision, revision: save.revision, order, added });
}

/** Keeps pieces sent ahead of their save, by id. */
export function takePieces(pieces: Map<number, string>, added: SaveWrite['added']): void {
  for (const [id, text] of added) pieces.set(id, text);
}

/** Written, or not written because storage no longer holds the expected revision (another tab saved). */
export type SaveWriteResult = 'written' | 'moved';

/** Thrown inside the save's transaction to write nothing: storage holds another revision. */
class Moved extends Error {}

/**
 * Writes `request` in the save's transaction (`updateStored`, as the page's saves do), taking its pieces from
 * `pieces` (the last save's, by id), which it leaves holding this save's pieces alone: the next save sends only
 * what is new. Rejects, writing nothing, when a piece was never sent or storage fails.
 */
export async function writeSavedText(
  pieces: Map<number, string>,
  request: SaveWrite,
): Promise<SaveWriteResult> {
  takePieces(pieces, request.added);
  const parts = request.order.map((id) => {
    const piece = pieces.get(id);
    if (piece === undefined) throw new Error(`piece ${id} of the saved text was never sent`);
    return piece;
  });
  const kept = new Set(request.order);
  for (const id of pieces.keys()) if (!kept.has(id)) pieces.delete(id);
  const text = parts.join('');
  try {
    await updateStored(
      () => false,
      (_stored, storedRevision) => {
        if (storedRevision !== request.expectedRevision) throw new Moved();
        return { text, revision: request.revision };
      },
    );
    return 'written';
  } catch (error) {
    if (error instanceof Moved) return 'moved';
    throw error;
  }
}
