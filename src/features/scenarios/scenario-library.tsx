import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Scenario } from '../../domain/scenario-schema';
import { formatIssue } from '../../domain/validate-scenario';
import { defaultScenarioQueryOptions } from '../../queries/shipped-data';
import { selectCheapestStrategy, selectPlan } from '../../state/selectors';
import { usePlannerStore } from '../../state/scenario-store';
import type { LibraryEntry } from '../../state/scenario-store';
import { describeRefusal } from '../../ui/edit-issues';
import { formatMonth, formatMonths } from '../../format/format';
import { Money } from '../../ui/money';
import { TextField } from '../../ui/text-field';
import { makeBlankScenario, makeCopyName, makeUniqueName } from './new-scenario';
import { StatusMessage } from './status-message';
import type { Status } from './status-message';
import { TableScroll } from '../../ui/table-scroll';

function LibraryRow({
  entry,
  index,
  isActive,
  canDelete,
  onDuplicate,
  onDelete,
}: {
  entry: LibraryEntry;
  index: number;
  isActive: boolean;
  canDelete: boolean;
  onDuplicate: (entry: LibraryEntry) => void;
  onDelete: (entry: LibraryEntry) => void;
}) {
  const [switchScenario, renameScenario] = usePlannerStore(
    useShallow((s) => [s.switchScenario, s.renameScenario]),
  );
  const { scenario } = entry;
  const plan = selectPlan(scenario);
  const cheapest = selectCheapestStrategy(scenario);
  const name = scenario.name.trim() === '' ? 'Untitled scenario' : scenario.name;
  return (
    <tr className={isActive ? 'is-active' : undefined} aria-current={isActive ? 'true' : undefined}>
      <th scope="row" className="scenario-list__name">
        <div className="scenario-list__name-cell">
          <TextField
            label={`Name of scenario ${index + 1}`}
            hideLabel
            required
            value={scenario.name}
            onCommit={(next) => describeRefusal(renameScenario(entry.id, next))}
          />
          {isActive && <span className="badge badge--good">Open</span>}
        </div>
      </th>
      <td className="num" data-label="Horizon">
        {formatMonths(scenario.horizonMonths)}
      </td>
      <td data-label="Starts">
        {scenario.startMonth ? formatMonth(0, scenario.startMonth) : <span className="muted">Not set</span>}
      </td>
      <td className="num" data-label="Strategies">
        {scenario.strategies.length}
      </td>
      <td className="num scenario-list__spend" data-label="Cheapest strategy, 12-month spend">
        {cheapest ? (
          <>
            <Money usd={cheapest.totals.firstYearSpend} testId="library-cheapest-spend" />
            <span className="scenario-list__sub">
              {cheapest.name}
              {scenario.horizonMonths < 12 ? `, over ${formatMonths(scenario.horizonMonths)}` : ''}
            </span>
          </>
        ) : !plan.ok ? (
          <span className="muted">Figures overflow</span>
        ) : (
          <span className="muted">No strategies</span>
        )}
      </td>
      <td className="scenario-list__actions-cell">
        <div className="scenario-list__actions">
          {isActive ? (
            <span className="scenario-list__open-now" aria-hidden="true" />
          ) : (
            <button
              type="button"
              className="button"
              aria-label={`Open ${name}`}
              onClick={() => switchScenario(entry.id)}
            >
              Open
            </button>
          )}
          <button
            type="button"
            className="button"
            aria-label={`Duplicate ${name}`}
            onClick={() => onDuplicate(entry)}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={!canDelete}
            title={canDelete ? undefined : 'The last scenario cannot be deleted'}
            aria-label={`Delete ${name}`}
            onClick={() => onDelete(entry)}
          >
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
}

/** The user's scenarios: open, rename, duplicate, delete (with undo) and start new ones. */
export function ScenarioLibrary() {
  const queryClient = useQueryClient();
  const [library, activeId, lastDeleted] = usePlannerStore(
    useShallow((s) => [s.library, s.activeId, s.lastDeleted]),
  );
  const [addScenario, deleteScenario, restoreDeleted] = usePlannerStore(
    useShallow((s) => [s.addScenario, s.deleteScenario, s.restoreDeleted]),
  );
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const undoRef = useRef<HTMLButtonElement>(null);
  const deletedEntry = lastDeleted?.entry ?? null;

  // A deleted row takes the focused button with it: move focus to the way back.
  useEffect(() => {
    if (deletedEntry) undoRef.current?.focus();
  }, [deletedEntry]);

  const names = library.map((entry) => entry.scenario.name);

  function open(scenario: Scenario, how: string) {
    addScenario(scenario);
    setStatus({ tone: 'info', text: `${how} “${scenario.name}” and opened it.` });
  }

  function createBlank() {
    const active = usePlannerStore.getState().scenario;
    if (!active) return;
    const blank = makeBlankScenario(active, makeUniqueName('New scenario', names));
    if (blank.ok) open(blank.value, 'Created');
    else
      setStatus({
        tone: 'error',
        text: `Could not create a blank scenario: ${blank.issues.map(formatIssue).join('; ')}`,
      });
  }

  async function createFromDefault() {
    setBusy(true);
    try {
      const shipped = await queryClient.fetchQuery(defaultScenarioQueryOptions());
      open({ ...shipped, name: makeUniqueName(shipped.name, names) }, 'Added');
    } catch (error) {
      setStatus({
        tone: 'error',
        text: `The default scenario could not be loaded: ${(error as Error).message}`,
      });
    } finally {
      setBusy(false);
    }
  }

  function duplicate(entry: LibraryEntry) {
    open({ ...entry.scenario, name: makeCopyName(entry.scenario.name, names) }, 'Duplicated as');
  }

  function remove(entry: LibraryEntry) {
    deleteScenario(entry.id);
    setStatus(null);
  }

  return (
    <section className="scenarios-section" aria-labelledby="scenario-library-title">
      <div className="section-head">
        <div>
          <h2 id="scenario-library-title">Your scenarios</h2>
          <p className="muted scenarios-section__lede">
            Saved in this browser. Edits on the other screens apply to the open one.
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={createBlank}>
            New blank scenario
          </button>
          <button type="button" className="button" onClick={() => void createFromDefault()} disabled={busy}>
            New from the default
          </button>
        </div>
      </div>
      <TableScroll label="Your scenarios">
        <table className="data-table scenario-list" data-testid="scenario-library">
          <caption className="visually-hidden">Your scenarios</caption>
          <colgroup>
            <col className="scenario-list__col-name" />
            <col className="scenario-list__col-horizon" />
            <col className="scenario-list__col-start" />
            <col className="scenario-list__col-count" />
            <col className="scenario-list__col-spend" />
            <col className="scenario-list__col-actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Horizon
              </th>
              <th scope="col">Starts</th>
              <th scope="col" className="num">
                Strategies
              </th>
              <th scope="col" className="num">
                Cheapest strategy <span className="th-sub">12-month spend</span>
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {library.map((entry, index) => (
              <LibraryRow
                key={entry.id}
                entry={entry}
                index={index}
                isActive={entry.id === activeId}
                canDelete={library.length > 1}
                onDuplicate={duplicate}
                onDelete={remove}
              />
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="scenarios-section__status">
        {deletedEntry && (
          <div className="notice notice--info">
            <p>Deleted “{deletedEntry.scenario.name}”.</p>
            <button ref={undoRef} type="button" className="button" onClick={restoreDeleted}>
              Undo delete
            </button>
          </div>
        )}
        <StatusMessage status={status} />
      </div>
    </section>
  );
}
