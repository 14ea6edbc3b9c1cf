import type { BrokenConstraint } from '../../domain/plan-constraints';
import type { Model, Scenario, Strategy } from '../../domain/scenario-schema';
import { TextField } from '../../ui/text-field';
import { CascadeEditor } from './cascade-editor';
import { CheapestView } from './cheapest-view';
import { describeKind } from './initial-strategy';
import { QualityCard } from './quality-card';
import { RouterEditor } from './router-editor';
import { AssignEditor, SingleEditor } from './simple-editors';
import type { StrategyUpdate } from './strategy-types';
import type { IdIndex } from '../../domain/find-by-id';

function KindEditor({
  strategy,
  scenario,
  models,
  update,
  unmetQuality,
}: {
  strategy: Strategy;
  scenario: Scenario;
  models: IdIndex<Model>;
  update: StrategyUpdate;
  unmetQuality: readonly string[];
}) {
  switch (strategy.kind) {
    case 'single':
      return <SingleEditor strategy={strategy} scenario={scenario} models={models} update={update} />;
    case 'assign':
      return <AssignEditor strategy={strategy} scenario={scenario} models={models} update={update} />;
    case 'cascade':
      return <CascadeEditor strategy={strategy} scenario={scenario} models={models} update={update} />;
    case 'router':
      return <RouterEditor strategy={strategy} scenario={scenario} models={models} update={update} />;
    case 'cheapest-meeting-bar':
      return <CheapestView scenario={scenario} unmetQuality={unmetQuality} />;
  }
}

/** The selected strategy: its name, duplicate and delete, the editor for its kind, and every constraint it breaks. */
export function StrategyEditor({
  strategy,
  scenario,
  models,
  update,
  constraints,
  unmetQuality,
  onDuplicate,
  onDelete,
}: {
  strategy: Strategy;
  scenario: Scenario;
  models: IdIndex<Model>;
  update: StrategyUpdate;
  /** Every constraint the strategy breaks (`findBrokenConstraints`). */
  constraints: readonly BrokenConstraint[];
  unmetQuality: readonly string[];
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  const who = strategy.name.trim() || strategy.id;
  return (
    <section className="card strategy-editor" aria-label={`Edit ${who}`} data-strategy-id={strategy.id}>
      <div className="strategy-editor__head">
        <div className="strategy-editor__name" data-focus="name">
          <TextField
            label="Strategy name"
            value={strategy.name}
            onCommit={(name) => update((current) => ({ ...current, name }))}
          />
          <p className="muted strategy-editor__kind">
            {describeKind(strategy.kind)} · id <code>{strategy.id}</code>
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" aria-label={`Duplicate ${who}`} onClick={onDuplicate}>
            Duplicate
          </button>
          <button
            type="button"
            className="button button--danger"
            aria-label={`Delete ${who}`}
            onClick={onDelete}
          >
            Delete
          </button>
        </div>
      </div>
      {scenario.traffic.length === 0 && (
        <p className="notice notice--info">No traffic slices yet: add them on the Traffic mix screen.</p>
      )}
      <KindEditor
        key={strategy.id}
        strategy={strategy}
        scenario={scenario}
        models={models}
        update={update}
        unmetQuality={unmetQuality}
      />
      <QualityCard constraints={constraints} scenario={scenario} />
    </section>
  );
}
