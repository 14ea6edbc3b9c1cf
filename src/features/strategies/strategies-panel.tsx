import { memo, useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Scenario, Strategy, StrategyKind } from '../../domain/scenario-schema';
import type { BrokenConstraint } from '../../domain/plan-constraints';
import { selectBrokenConstraints } from '../../state/selectors';
import { formatIssue } from '../../domain/validate-scenario';
import { addStrategy, duplicateStrategy, removeStrategy, updateStrategy } from '../../state/scenario-edits';
import { usePlannerStore, useScenario } from '../../state/scenario-store';
import type { EditResult } from '../../state/scenario-store';
import { useFiguresScenario, usePlan } from '../../state/figures';
import { describeRefusal } from '../../ui/edit-issues';
import { formatMonth } from '../../format/format';
import { Money } from '../../ui/money';
import { ConstraintBadges } from '../../ui/constraint-badges';
import { describeConstraint } from '../../format/constraint-text';
import { describeKind, makeNewStrategy, STRATEGY_KINDS } from './initial-strategy';
import { EvaluationsSection } from './evaluations-section';
import { ScenarioSettings } from './scenario-settings';
import { StrategyEditor } from './strategy-editor';
import type { StrategyUpdate } from './strategy-types';
import './strategies.css';
import { UndoNotice } from '../../ui/undo-notice';
import type { UndoableStatus } from '../../ui/undo-notice';
import { indexById } from '../../domain/find-by-id';

type Status = UndoableStatus;

function listIssues(result: EditResult): string {
  return result.ok ? '' : result.issues.map(formatIssue).join('; ');
}

/**
 * Strategies: the scenario settings that shape every figure, the list of strategies with what each spends
 * this month and which slices it serves below their quality bar, and an editor for the selected one.
 */
export function StrategiesPanel() {
  const scenario = useScenario();
  // Verdicts and spend follow the figures: they check every strategy's routes, which an edit need not wait for.
  const figures = useFiguresScenario();
  const plan = usePlan();
  // Refused figures (they overflow) leave the editors usable; the summary above lists the issues.
  const result = plan.ok ? plan.value.result : null;
  const [edit, undo, focusStrategyId] = usePlannerStore(
    useShallow((s) => [s.edit, s.undo, s.focusStrategyId]),
  );
  const [selectedId, setSelectedId] = useState<string | null>(focusStrategyId);
  // A strategy picked in the summary (or on another screen) opens here too.
  const [followedFocusId, setFollowedFocusId] = useState(focusStrategyId);
  if (focusStrategyId !== followedFocusId) {
    setFollowedFocusId(focusStrategyId);
    if (focusStrategyId !== null) setSelectedId(focusStrategyId);
  }
  const [newKind, setNewKind] = useState<StrategyKind>('assign');
  const [status, setStatus] = useState<Status>(null);
  const kindId = useId();
  const editorRef = useRef<HTMLDivElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const focusTarget = useRef<'name' | 'undo' | null>(null);

  const strategies = scenario.strategies;
  const selectedIndex = Math.max(
    0,
    strategies.findIndex((s) => s.id === selectedId),
  );
  const selected = strategies[selectedIndex];
  const models = indexById(scenario.catalog);
  const constraintsById = selectBrokenConstraints(figures);
  const month = formatMonth(0, scenario.startMonth);

  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = null;
    if (target === 'undo') undoRef.current?.focus();
    else editorRef.current?.querySelector<HTMLInputElement>('[data-focus="name"] input')?.focus();
  });

  const update: StrategyUpdate = (recipe) =>
    describeRefusal(
      edit((s) => {
        const index = s.strategies.findIndex((strategy) => strategy.id === selected?.id);
        const current = s.strategies[index];
        return current ? updateStrategy(s, index, recipe(current)) : s;
      }),
    );

  function create() {
    const strategy = makeNewStrategy(scenario, newKind);
    if (typeof strategy === 'string') {
      setStatus({
        text: `Could not add a ${describeKind(newKind).toLowerCase()}: ${strategy}`,
        undoable: false,
      });
      return;
    }
    const added = edit((s) => addStrategy(s, strategy));
    if (!added.ok) {
      setStatus({ text: `Could not add ${strategy.name}: ${listIssues(added)}`, undoable: false });
      return;
    }
    setSelectedId(strategy.id);
    focusTarget.current = 'name';
    setStatus({ text: `Added ${strategy.name}. It is selected for editing.`, undoable: false });
  }

  function duplicate() {
    if (!selected) return;
    const index = selectedIndex;
    const done = edit((s) => duplicateStrategy(s, index));
    if (!done.ok) {
      setStatus({ text: `Could not duplicate ${selected.name}: ${listIssues(done)}`, undoable: false });
      return;
    }
    const copy = usePlannerStore.getState().scenario?.strategies[index + 1];
    if (copy) setSelectedId(copy.id);
    focusTarget.current = 'name';
    setStatus({ text: `Added ${copy?.name ?? 'a copy'}. It is selected for editing.`, undoable: false });
  }

  function remove() {
    if (!selected) return;
    const index = selectedIndex;
    const done = edit((s) => removeStrategy(s, index));
    if (!done.ok) {
      setStatus({ text: `Could not delete ${selected.name}: ${listIssues(done)}`, undoable: false });
      return;
    }
    const remaining = usePlannerStore.getState().scenario?.strategies ?? [];
    setSelectedId(remaining[Math.min(index, remaining.length - 1)]?.id ?? null);
    focusTarget.current = 'undo';
    setStatus({ text: `Deleted ${selected.name}. You can undo this.`, undoable: true });
  }

  return (
    <div className="strategies">
      <ScenarioSettings />
      <div className="strategies__status" role="status">
        {status ? (
          <UndoNotice
            status={status}
            onUndo={undo}
            onStatus={setStatus}
            undoRef={undoRef}
            className="strategies__status-text"
          />
        ) : (
          <p className="muted strategies__hint">
            Pick a strategy to edit it. Every change applies at once and shows in the summary above.
          </p>
        )}
      </div>
      <div className="strategies__layout">
        <section className="card strategies__list" aria-labelledby={`${kindId}-list`}>
          <h3 id={`${kindId}-list`}>Strategies</h3>
          <div className="strategies__create">
            <div className="field">
              <label htmlFor={kindId} className="field__label">
                Kind of new strategy
              </label>
              <select
                id={kindId}
                value={newKind}
                onChange={(event) => setNewKind(event.target.value as StrategyKind)}
                aria-describedby={`${kindId}-hint`}
              >
                {STRATEGY_KINDS.map((kind) => (
                  <option key={kind.kind} value={kind.kind}>
                    {kind.label}
                  </option>
                ))}
              </select>
              <span id={`${kindId}-hint`} className="field__hint">
                {STRATEGY_KINDS.find((k) => k.kind === newKind)?.description}
              </span>
            </div>
            <button type="button" className="button button--primary" onClick={create}>
              Add strategy
            </button>
          </div>
          {strategies.length === 0 ? (
            <p className="muted">No strategies yet.</p>
          ) : (
            <ul className="strategy-list">
              {strategies.map((strategy, index) => (
                <StrategyListEntry
                  key={strategy.id}
                  strategy={strategy}
                  isSelected={index === selectedIndex}
                  spend={result?.strategies.find((s) => s.id === strategy.id)?.months[0]?.spend}
                  month={month}
                  constraints={constraintsById.get(strategy.id) ?? NO_CONSTRAINTS}
                  figures={figures}
                  onSelect={setSelectedId}
                />
              ))}
            </ul>
          )}
        </section>
        <div className="strategies__editor" ref={editorRef}>
          {selected ? (
            <StrategyEditor
              key={selected.id}
              strategy={selected}
              scenario={scenario}
              models={models}
              update={update}
              constraints={constraintsById.get(selected.id) ?? []}
              unmetQuality={result?.strategies.find((s) => s.id === selected.id)?.unmetQuality ?? []}
              onDuplicate={duplicate}
              onDelete={remove}
            />
          ) : (
            <p className="card muted">Add a strategy to start.</p>
          )}
        </div>
      </div>
      <EvaluationsSection scenario={scenario} />
    </div>
  );
}

const NO_CONSTRAINTS: readonly BrokenConstraint[] = [];

type StrategyListEntryProps = {
  strategy: Strategy;
  isSelected: boolean;
  /** Its spend in the first month, when the figures are shown. */
  spend: number | undefined;
  month: string;
  constraints: readonly BrokenConstraint[];
  /** The scenario the constraints were found in (its slices and models name them). */
  figures: Scenario;
  onSelect: (id: string) => void;
};

/**
 * One strategy in the list: its name, kind and first month's spend, and its constraints, met and broken.
 * Re-rendered only when one of these changes, so typing a strategy's name re-renders its entry alone.
 */
const StrategyListEntry = memo(function StrategyListEntry({
  strategy,
  isSelected,
  spend,
  month,
  constraints,
  figures,
  onSelect,
}: StrategyListEntryProps) {
  return (
    <li className={`strategy-list__entry${isSelected ? ' is-selected' : ''}`}>
      <button
        type="button"
        className="strategy-list__button"
        aria-pressed={isSelected}
        onClick={() => onSelect(strategy.id)}
      >
        <span className="strategy-list__name">{strategy.name.trim() || strategy.id}</span>
        <span className="strategy-list__meta">
          {describeKind(strategy.kind)}
          {spend !== undefined && (
            <>
              {' · '}
              <Money usd={spend} testId={`strategy-spend-${strategy.id}`} /> in {month}
            </>
          )}
        </span>
      </button>
      <p className="strategy-list__misses" data-testid={`strategy-misses-${strategy.id}`}>
        <ConstraintBadges constraints={constraints} scenario={figures} showMet />{' '}
        {constraints.map((c) => describeConstraint(c, figures)).join('; ')}
      </p>
    </li>
  );
});
