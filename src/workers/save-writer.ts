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
  /** Pieces the writer has not had yet, with their ids. */
  added: readonly (readonly [number, string])[];
};

/**
 * The page's side of the pieces: which pieces the writer holds, by id. `send` turns a save's pieces into the ids
 * of those the writer holds and the pieces it has not had (`SaveWrite`'s `order` and `added`); afterwards the
 * writer holds exactly that save's pieces, as `writeSavedText` leaves them. `forget` after a failed write: the
 * next save sends every piece.
 */
export class PieceIds {
  private held = new Map<string, number>();
  private nextId = 0;

  send(parts: readonly string[]): Pick<SaveWrite, 'order' | 'added'> {
    const sent = new Map<string, number>();
    const order: number[] = [];
    const added: [number, string][] = [];
    for (const part of parts) {
      let id = sent.get(part) ?? this.held.get(part);
      if (id === undefined) {
        id = this.nextId++;
        added.push([id, part]);
      }
      sent.set(part, id);
      order.push(id);
    }
    this.held = sent;
    return { order, added };
  }

  forget(): void {
    this.held = new Map();
  }
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
  for (const [id, text] of request.added) pieces.set(id, text);
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
