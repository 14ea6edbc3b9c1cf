/**
 * Reading usage files as a react-query mutation: each file is read in the usage worker (streamed, never whole on
 * the page), with its progress; the result is held by the screen until the user accepts or discards it.
 */
import { mutationOptions } from '@tanstack/react-query';
import { readUsageFile } from '../workers/usage-import-client';

export type UsageFileRead = {
  file: File;
  signal: AbortSignal;
  onProgress?: (bytesRead: number) => void;
};

export function usageFileReadOptions() {
  return mutationOptions({
    mutationKey: ['usage-import', 'read'] as const,
    mutationFn: ({ file, signal, onProgress }: UsageFileRead) =>
      readUsageFile(file, onProgress ? { signal, onProgress } : { signal }),
  });
}
