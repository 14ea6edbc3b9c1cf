/**
 * The saved-library worker: parses, upgrades and validates a large saved library (`decodeForTransfer`) off the
 * page's thread, so opening the planner with a 20 MB library, or merging another tab's save of one, never
 * freezes the page. Started for one decode and stopped once it answers.
 */
import { expose } from 'comlink';
import { decodeForTransfer } from '../io/persisted-transfer';

const api = { decodeForTransfer };

export type SavedLibraryWorkerApi = typeof api;

expose(api);
