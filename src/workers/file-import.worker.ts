/**
 * The file-import worker: reads, parses, scans for keys written twice and validates an imported scenario or
 * catalog off the page's thread (a 20 MB file takes seconds), so the page never freezes on one. Only the
 * validated document, or the first problems with their count, come back.
 */
import { expose } from 'comlink';
import { readCatalogSource, readScenarioFile } from '../io/file-import';

const api = { readScenarioFile, readCatalogSource };

export type FileImportWorkerApi = typeof api;

expose(api);
