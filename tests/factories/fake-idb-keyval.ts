/**
 * idb-keyval over a Map, for tests of src/state/persistence.ts and src/state/closing-save.ts: `get`, `update`,
 * `keys`, `getMany`, `delMany`, and `createStore` with the object store a save's two-key transaction uses (`get`
 * requests answered in a later microtask, `put` kept until the transaction commits, `promisifyRequest` of the
 * transaction committing). The flags make storage fail as a browser's can.
 */
export type FakeStorage = {
  store: Map<string, unknown>;
  /** Reads throw, as a blocked IndexedDB does. */
  failGet?: boolean;
  /** Reads never answer. */
  hang?: boolean;
  /** Writes fail, as a full disk does. */
  failSet?: boolean;
  /** Writes abort without an error, as idb-keyval then rejects: with `request.error`, null. */
  abortSet?: boolean;
  /** When given, every key read is added to it, in order. */
  reads?: string[];
};

type Request = {
  result: unknown;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
};
type Transaction = { commit: () => Promise<void> };

/** What a write rejects with under the flags, or undefined when it succeeds. */
function writeFailure(storage: FakeStorage): Error | null | undefined {
  if (storage.abortSet) return null;
  if (storage.failSet) return new Error('QuotaExceededError');
  return undefined;
}

export function fakeIdbKeyval(storage: FakeStorage) {
  return {
    get: async (key: string) => {
      if (storage.hang) return new Promise(() => {});
      if (storage.failGet) throw new Error('IndexedDB is blocked');
      storage.reads?.push(key);
      return storage.store.get(key);
    },
    update: async (key: string, updater: (old: unknown) => unknown) => {
      const failure = writeFailure(storage);
      if (failure !== undefined) throw failure;
      storage.reads?.push(key);
      storage.store.set(key, updater(storage.store.get(key)));
    },
    keys: async () => {
      if (storage.failGet) throw new Error('IndexedDB is blocked');
      return [...storage.store.keys()];
    },
    getMany: async (keys: readonly string[]) => {
      if (storage.failGet) throw new Error('IndexedDB is blocked');
      return keys.map((key) => storage.store.get(key));
    },
    delMany: async (keys: readonly string[]) => {
      const failure = writeFailure(storage);
      if (failure !== undefined) throw failure;
      for (const key of keys) storage.store.delete(key);
    },
    createStore:
      () =>
      async <T>(_mode: string, callback: (store: unknown) => T | PromiseLike<T>): Promise<T> => {
        const writes = new Map<string, unknown>();
        const transaction: Transaction = {
          async commit() {
            const failure = writeFailure(storage);
            if (failure !== undefined) throw failure;
            for (const [key, value] of writes) storage.store.set(key, value);
          },
        };
        const store = {
          transaction,
          get(key: string): Request {
            const request: Request = { result: undefined, error: null, onsuccess: null, onerror: null };
            queueMicrotask(() => {
              if (storage.failGet) {
                request.error = new Error('IndexedDB is blocked');
                request.onerror?.();
                return;
              }
              storage.reads?.push(key);
              request.result = storage.store.get(key);
              request.onsuccess?.();
            });
            return request;
          },
          put(value: unknown, key: string) {
            writes.set(key, value);
          },
        };
        return callback(store);
      },
    promisifyRequest: (transaction: Transaction) => transaction.commit(),
  };
}
