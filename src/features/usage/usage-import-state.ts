/**
 * The usage files being previewed and the user's choices about them, kept while the user looks at other screens
 * (the preview is not the scenario: nothing here is saved, and the scenario changes only when the plan is used).
 */
import { create } from 'zustand';
import { DEFAULT_INPUT_TOKENS_PER_REQUEST } from '../../domain/usage-plan';
import type { UsageGroupBy } from '../../domain/usage-records';
import type { UsageReadResult } from '../../io/usage-import';

export type ReadFile = { name: string; result: UsageReadResult };

type UsageImportState = {
  files: ReadFile[];
  groupBy: UsageGroupBy;
  /** As typed; validated where it is used. */
  tokensPerRequest: string;
  mapping: ReadonlyMap<string, string>;
  addFile: (file: ReadFile) => void;
  removeFile: (index: number) => void;
  setGroupBy: (groupBy: UsageGroupBy) => void;
  setTokensPerRequest: (text: string) => void;
  mapModel: (model: string, modelId: string | null) => void;
  /** Drops the files and the mapping (after the plan is used, or discarded). */
  clear: () => void;
};

export const useUsageImportState = create<UsageImportState>()((set) => ({
  files: [],
  groupBy: 'model',
  tokensPerRequest: String(DEFAULT_INPUT_TOKENS_PER_REQUEST),
  mapping: new Map(),
  addFile: (file) => set((state) => ({ files: [...state.files, file] })),
  removeFile: (index) => set((state) => ({ files: state.files.filter((_, i) => i !== index) })),
  setGroupBy: (groupBy) => set({ groupBy }),
  setTokensPerRequest: (tokensPerRequest) => set({ tokensPerRequest }),
  mapModel: (model, modelId) =>
    set((state) => {
      const mapping = new Map(state.mapping);
      if (modelId) mapping.set(model, modelId);
      else mapping.delete(model);
      return { mapping };
    }),
  clear: () => set({ files: [], mapping: new Map() }),
}));
