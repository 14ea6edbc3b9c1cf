/**
 * Where the planner's state is stored in the browser: idb-keyval's default database and object store, the keys
 * under which the state lives, and the one read-write transaction every save makes (`updateStored`). The
 * page's saves (src/state/persistence.ts) and the save writer's (src/workers/save-writer.ts) both go through
 * it, so the two write the same keys the same way.
 */
import { createStore, promisifyRequest } from 'idb-keyval';

/** The saved envelope's text (see src/state/persistence.ts). */
export const STORAGE_KEY = 'llm-planner:state';
/**
 * The stored text's revision, which every save writes with the text in the same transaction: a save measured
 * from that very revision, holding the text it read or wrote then, knows storage still holds that text without
 * reading it back (megabytes copied at real scale). Data without it (an older build's save) is read as before.
 */
export const REVISION_KEY = 'llm-planner:revision';
/** Copies of saved data that could not be read, kept aside until the user deletes them. */
export const UNREADABLE_KEY = 'llm-planner:unreadable';

/**
 * idb-keyval's default database and store (it opens on first use), for every read and write of the saved state
 * (a save's transaction spans two keys, which idb-keyval's one-key `update` cannot).
 */
export const savedStore = createStore('keyval-store', 'keyval');

/** What a save's transaction passes for the stored value it did not read. */
export const NOT_READ = Symbol('not read');

/**
 * A save's one read-write transaction: reads the stored revision (`REVISION_KEY`), and the stored value
 * (`STORAGE_KEY`) only when `mustRead(revision)` (else `decide` gets `NOT_READ`); then writes the text and
 * revision `decide` returns under those two keys together. When `decide` throws, nothing is written and the
 * promise rejects with what it threw.
 */
export function updateStored(
  mustRead: (revision: unknown) => boolean,
  decide: (stored: unknown, revision: unknown) => { text: string; revision: number },
): Promise<void> {
  return savedStore(
    'readwrite',
    (store) =>
      new Promise<void>((resolve, reject) => {
        const write = (stored: unknown, revision: unknown) => {
          try {
            const written = decide(stored, revision);
            store.put(written.text, STORAGE_KEY);
            store.put(written.revision, REVISION_KEY);
            resolve(promisifyRequest(store.transaction));
          } catch (error) {
            reject(error);
          }
        };
        const readRevision = store.get(REVISION_KEY);
        readRevision.onerror = () => reject(readRevision.error);
        readRevision.onsuccess = () => {
          const revision: unknown = readRevision.result;
          if (!mustRead(revision)) {
            write(NOT_READ, revision);
            return;
          }
          const readValue = store.get(STORAGE_KEY);
          readValue.onerror = () => reject(readValue.error);
          readValue.onsuccess = () => write(readValue.result, revision);
        };
      }),
  );
}
