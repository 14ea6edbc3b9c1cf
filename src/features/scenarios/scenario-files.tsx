import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { formatNumber } from '../../format/format';
import { reportIssues } from '../../io/file-import';
import type { IssueReport } from '../../io/file-import';
import { formatMonthlyCsv } from '../../io/results-csv';
import { moneyDisplayOf } from '../../format/format';
import { serializeScenario } from '../../io/scenario-file';
import { scenarioFileReadOptions } from '../../queries/file-import-queries';
import { selectPlan } from '../../state/selectors';
import { usePlannerStore, useScenario } from '../../state/scenario-store';
import { CappedList } from '../../ui/capped-list';
import { withUniqueName } from './new-scenario';
import { downloadText, makeFileName } from '../../ui/download';

/** Lets the page handle what is waiting (input, painting) before going on. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

type ImportOutcome =
  { fileName: string; ok: true; scenarioName: string } | ({ fileName: string } & IssueReport);

function IssueList({ outcome }: { outcome: Extract<ImportOutcome, { ok: false }> }) {
  const count = outcome.issueCount;
  return (
    <div className="import-report import-report--error" role="alert">
      <p>
        “{outcome.fileName}” was not imported ({formatNumber(count)} problem{count === 1 ? '' : 's'}). Nothing
        was changed.
      </p>
      <CappedList
        className="import-report__issues"
        items={outcome.issues}
        whole={{ count: outcome.issueCount, text: outcome.issuesText }}
        render={(issue) => (
          <>
            {issue.path ? <code className="import-report__path">{issue.path}</code> : <span>The file</span>}:{' '}
            {issue.message}
          </>
        )}
        toLine={(issue) => `${issue.path || 'The file'}: ${issue.message}`}
        fileName={makeFileName(outcome.fileName, '.problems.txt')}
      />
    </div>
  );
}

/** Export the open scenario (JSON, monthly CSV) and import scenario files by picker or drag and drop. */
export function ScenarioFiles() {
  const scenario = useScenario();
  const addScenario = usePlannerStore((s) => s.addScenario);
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [isDragging, setIsDragging] = useState(false);
  /** The file (or count of files) being read, null when none is. */
  const [reading, setReading] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  function exportScenario() {
    downloadText(serializeScenario(scenario), makeFileName(scenario.name, '.scenario.json'));
  }

  const plan = selectPlan(scenario);

  function exportCsv() {
    if (!plan.ok) return;
    downloadText(
      formatMonthlyCsv(plan.value.result, scenario, moneyDisplayOf(scenario)),
      makeFileName(scenario.name, '.monthly.csv'),
      'text/csv',
    );
  }

  const read = useMutation(scenarioFileReadOptions());
  const readingRef = useRef<AbortController | null>(null);
  // Leaving the screen stops a read still running.
  useEffect(() => () => readingRef.current?.abort(), []);

  /** Reads the files one by one in the file-import worker, adding each valid one as a new scenario. */
  async function importFiles(files: readonly File[]) {
    if (files.length === 0) return;
    readingRef.current?.abort();
    const controller = new AbortController();
    readingRef.current = controller;
    setReading(files.length === 1 ? files[0]!.name : `${formatNumber(files.length)} files`);
    const results: ImportOutcome[] = [];
    for (const file of files) {
      let outcome: ImportOutcome;
      try {
        const scenario = await read.mutateAsync({ file, signal: controller.signal });
        if (!scenario.ok) outcome = { fileName: file.name, ...scenario };
        else {
          // A scenario named as one already in the library (a file exported from it) is told apart: "… 2".
          const takenNames = usePlannerStore.getState().library.map((entry) => entry.scenario.name);
          const imported = withUniqueName(scenario.value, takenNames);
          outcome = { fileName: file.name, ok: true, scenarioName: imported.name };
          // Its figures are worked out in a task of their own, then the screens drawn with them in the next: a
          // 27,000-model scenario never holds the page for both at once.
          await yieldToPage();
          controller.signal.throwIfAborted();
          selectPlan(imported);
          await yieldToPage();
          controller.signal.throwIfAborted();
          addScenario(imported);
        }
      } catch (error) {
        if (controller.signal.aborted) break;
        const message = `could not be read (${error instanceof Error ? error.message : String(error)})`;
        outcome = { fileName: file.name, ...reportIssues([{ path: '', message }]) };
      }
      results.push(outcome);
    }
    if (readingRef.current !== controller) return;
    readingRef.current = null;
    setOutcomes(results);
    setReading(null);
  }

  function cancelReading() {
    readingRef.current?.abort();
    readingRef.current = null;
    setReading(null);
    setOutcomes([]);
  }

  function handleDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setIsDragging(false);
    void importFiles([...event.dataTransfer.files]);
  }

  function handleDragOver(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setIsDragging(true);
  }

  function handleDragLeave(event: DragEvent<HTMLElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setIsDragging(false);
  }

  const imported = outcomes.filter((o): o is Extract<ImportOutcome, { ok: true }> => o.ok);
  const refused = outcomes.filter((o): o is Extract<ImportOutcome, { ok: false }> => !o.ok);

  return (
    <section className="scenarios-section card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Files</h2>
      <h3 className="scenarios-subhead">Export the open scenario</h3>
      <div className="toolbar">
        <button type="button" className="button" onClick={exportScenario}>
          Export scenario (JSON)
        </button>
        <button type="button" className="button" onClick={exportCsv} disabled={!plan.ok}>
          Export monthly figures (CSV)
        </button>
      </div>
      <p className="muted scenarios-hint">
        The JSON file is the format the command line reads; the CSV has one row per strategy per month.
      </p>

      <h3 className="scenarios-subhead">Import a scenario file</h3>
      <div
        className={`drop-zone${isDragging ? ' drop-zone--active' : ''}`}
        role="region"
        aria-label="Drop zone for scenario files"
        aria-describedby={`${id}-drop-hint`}
        onDragEnter={handleDragOver}
        onDragOver={handleDragOver}
        onDragLeave={handleDragLeave}
        onDrop={handleDrop}
        data-testid="scenario-drop-zone"
      >
        <p id={`${id}-drop-hint`} className="drop-zone__hint">
          Drop a scenario file (<code>.json</code>, as Export saves it) here, or choose one. It is checked
          first and added as a new scenario; a file with problems changes nothing.
        </p>
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="file"
          accept=".json,application/json"
          multiple
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Scenario file to import"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void importFiles(files);
          }}
        />
        <button type="button" className="button button--primary" onClick={() => inputRef.current?.click()}>
          Choose a scenario file…
        </button>
      </div>
      <div className="import-report-area">
        <p role="status" className="muted">
          {reading !== null
            ? `Reading and checking ${reading}…`
            : imported
                .map(
                  (o) => `Imported “${o.scenarioName}” from ${o.fileName} as a new scenario and opened it.`,
                )
                .join(' ')}
        </p>
        {reading !== null && (
          <button type="button" className="button button--quiet" onClick={cancelReading}>
            Cancel reading
          </button>
        )}
        {refused.map((outcome, index) => (
          <IssueList key={`${outcome.fileName}-${index}`} outcome={outcome} />
        ))}
      </div>
    </section>
  );
}
