/**
 * Reading imported scenario and catalog files as react-query mutations: each file is read, parsed and validated
 * in the file-import worker, so the page stays responsive on a 20 MB file; an aborted signal stops the read.
 */
import { mutationOptions } from '@tanstack/react-query';
import type { CatalogReadOptions } from '../io/file-import';
import { readCatalog, readScenarioFile } from '../workers/file-import-client';

export function scenarioFileReadOptions() {
  return mutationOptions({
    mutationKey: ['file-import', 'scenario'] as const,
    mutationFn: ({ file, signal }: { file: File; signal: AbortSignal }) => readScenarioFile(file, signal),
  });
}

export function catalogFileReadOptions() {
  return mutationOptions({
    mutationKey: ['file-import', 'catalog'] as const,
    mutationFn: ({
      file,
      options,
      signal,
    }: {
      file: File;
      options: CatalogReadOptions;
      signal: AbortSignal;
    }) => readCatalog(file, options, signal),
  });
}
