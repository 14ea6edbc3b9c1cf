import { useEffect, useId, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { optionsSchema, scenarioSchema } from '../../domain/scenario-schema';
import type { Options } from '../../domain/scenario-schema';
import { updateOptions, updateScenarioSettings } from '../../state/scenario-edits';
import { usePlannerStore, useScenario } from '../../state/scenario-store';
import { describeRefusal } from '../../ui/edit-issues';
import { NumberField } from '../../ui/number-field';
import { TextField } from '../../ui/text-field';
import { CurrencySettings } from './currency-settings';
import { SCENARIO_SETTINGS_FRAGMENT } from '../../ui/scenario-settings-address';

function Switch({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="switch-field">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch-field__input"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className="switch-field__label">
        {label}
      </label>
      <span id={`${id}-hint`} className="field__hint switch-field__hint">
        {hint}
      </span>
    </div>
  );
}

/**
 * Name, start month, horizon, the options that shape every figure (batch, caching, peak-to-average) and the
 * currency figures are shown in. Opened at `SCENARIO_SETTINGS_FRAGMENT` (the Summary links to it), it scrolls into
 * view with its first field focused.
 */
export function ScenarioSettings() {
  const scenario = useScenario();
  const [edit] = usePlannerStore(useShallow((s) => [s.edit]));
  const id = useId();
  const cardRef = useRef<HTMLElement>(null);

  useEffect(() => {
    function reveal() {
      if (window.location.hash !== SCENARIO_SETTINGS_FRAGMENT) return;
      // Focus brings the field into view, below the pinned Summary (the page's scroll padding).
      cardRef.current?.querySelector('input')?.focus();
    }
    reveal();
    window.addEventListener('hashchange', reveal);
    return () => window.removeEventListener('hashchange', reveal);
  }, []);
  const setOptions = (patch: Partial<Options>) =>
    describeRefusal(edit((s) => updateOptions(s, { ...s.options, ...patch })));

  return (
    <section className="card scenario-settings" aria-labelledby={`${id}-title`} ref={cardRef}>
      <h3 id={`${id}-title`}>Scenario settings</h3>
      <div className="scenario-settings__grid">
        <TextField
          label="Scenario name"
          value={scenario.name}
          onCommit={(name) => describeRefusal(edit((s) => updateScenarioSettings(s, { name })))}
        />
        <TextField
          label="Start month (YYYY-MM)"
          value={scenario.startMonth ?? ''}
          onCommit={(text) =>
            describeRefusal(
              edit((s) => updateScenarioSettings(s, { startMonth: text.trim() === '' ? null : text.trim() })),
            )
          }
        />
        <NumberField
          label="Horizon"
          unit="months"
          hint="1 to 120 months."
          value={scenario.horizonMonths}
          schema={scenarioSchema.shape.horizonMonths}
          onCommit={(horizonMonths) =>
            describeRefusal(edit((s) => updateScenarioSettings(s, { horizonMonths })))
          }
        />
        <NumberField
          label="Peak-to-average traffic"
          unit="×"
          hint="Sizes capacity-billed models."
          value={scenario.options.peakToAverage}
          schema={optionsSchema.shape.peakToAverage}
          onCommit={(peakToAverage) => setOptions({ peakToAverage })}
        />
        <Switch
          label="Batch discounts"
          hint="Each slice’s batch share gets the model’s batch discount."
          checked={scenario.options.batch}
          onChange={(batch) => setOptions({ batch })}
        />
        <Switch
          label="Prompt caching"
          hint="Cached prefixes are billed at cache read and write prices."
          checked={scenario.options.caching}
          onChange={(caching) => setOptions({ caching })}
        />
      </div>
      <CurrencySettings />
    </section>
  );
}
