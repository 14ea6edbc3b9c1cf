import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { presetIndexQueryOptions, presetScenarioQueryOptions } from '../../queries/shipped-data';
import type { PresetEntry } from '../../queries/shipped-data';
import { usePlannerStore } from '../../state/scenario-store';
import { makeUniqueName } from './new-scenario';
import { StatusMessage } from './status-message';
import type { Status } from './status-message';

/** The shipped presets as cards, each opening as a new scenario (never replacing one). */
export function PresetGallery() {
  const queryClient = useQueryClient();
  const presets = useQuery(presetIndexQueryOptions());
  const addScenario = usePlannerStore((s) => s.addScenario);
  const [loadingFile, setLoadingFile] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);

  async function openPreset(preset: PresetEntry) {
    setLoadingFile(preset.file);
    try {
      const scenario = await queryClient.fetchQuery(presetScenarioQueryOptions(preset.file));
      const names = usePlannerStore.getState().library.map((entry) => entry.scenario.name);
      const name = makeUniqueName(scenario.name, names);
      addScenario({ ...scenario, name });
      setStatus({ tone: 'info', text: `Opened the preset as a new scenario, “${name}”.` });
    } catch (error) {
      setStatus({ tone: 'error', text: `The preset could not be opened: ${(error as Error).message}` });
    } finally {
      setLoadingFile(null);
    }
  }

  return (
    <section className="scenarios-section" aria-labelledby="preset-gallery-title">
      <div className="section-head">
        <div>
          <h2 id="preset-gallery-title">Start from a preset</h2>
          <p className="muted scenarios-section__lede">
            Worked situations with representative 2026 prices. Each opens as a new scenario you can edit.
          </p>
        </div>
      </div>
      {presets.isPending && <p className="loading">Loading the presets…</p>}
      {presets.isError && (
        <p role="alert" className="scenarios-error">
          The presets could not be loaded: {presets.error.message}
        </p>
      )}
      {presets.data && (
        <ul className="preset-gallery" aria-label="Presets">
          {presets.data.map((preset) => (
            <li key={preset.id} className="card preset-card">
              <h3 className="preset-card__title">{preset.name}</h3>
              <p className="preset-card__description">{preset.description}</p>
              <button
                type="button"
                className="button preset-card__open"
                disabled={loadingFile !== null}
                aria-label={`Open as new scenario: ${preset.name}`}
                onClick={() => void openPreset(preset)}
              >
                {loadingFile === preset.file ? 'Opening…' : 'Open as new scenario'}
              </button>
            </li>
          ))}
        </ul>
      )}
      <StatusMessage status={status} className="scenarios-section__status" />
    </section>
  );
}
