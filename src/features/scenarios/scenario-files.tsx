import { useId, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import type { ValidationIssue } from '../../domain/validate-scenario';
import { formatNumber } from '../../format/format';
import { MAX_IMPORT_BYTES } from '../../io/json-text';
import { formatMonthlyCsv } from '../../io/results-csv';
import { moneyDisplayOf } from '../../format/format';
import { parseScenarioText, serializeScenario } from '../../io/scenario-file';
import { selectPlan } from '../../state/selectors';
import { usePlannerStore, useScenario } from '../../state/scenario-store';
import { CappedList } from '../../ui/capped-list';
import { downloadText, makeFileName } from '../../ui/download';

type ImportOutcome =
  | { fileName: string; ok: true; scenarioName: string }
  | { fileName: string; ok: false; issues: ValidationIssue[] };

/** Reads one file a person picked or dropped: the size first (a huge file is never read), then the scenario. */
async function readScenarioFile(file: File) {
  if (file.size > MAX_IMPORT_BYTES) {
    return {
      ok: false as const,
      issues: [
        {
          path: '',
          message: `the file is ${(file.size / (1024 * 1024)).toFixed(1)} MB; the most this planner reads is ${MAX_IMPORT_BYTES / (1024 * 1024)} MB`,
        },
      ],
    };
  }
  return parseScenarioText(await file.text());
}

function IssueList({ outcome }: { outcome: Extract<ImportOutcome, { ok: false }> }) {
  const count = outcome.issues.length;
  return (
    <div className="import-report import-report--error" role="alert">
      <p>
        “{outcome.fileName}” was not imported ({formatNumber(count)} problem{count === 1 ? '' : 's'}). Nothing
        was changed.
      </p>
      <CappedList
        className="import-report__issues"
        items={outcome.issues}
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
  const [isReading, setIsReading] = useState(false);
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

  async function importFiles(files: readonly File[]) {
    if (files.length === 0) return;
    setIsReading(true);
    const results: ImportOutcome[] = [];
    for (const file of files) {
      let read: Awaited<ReturnType<typeof readScenarioFile>>;
      try {
        read = await readScenarioFile(file);
      } catch (error) {
        read = {
          ok: false,
          issues: [{ path: '', message: `could not be read (${(error as Error).message})` }],
        };
      }
      if (read.ok) {
        addScenario(read.value);
        results.push({ fileName: file.name, ok: true, scenarioName: read.value.name });
      } else {
        results.push({ fileName: file.name, ok: false, issues: read.issues });
      }
    }
    setOutcomes(results);
    setIsReading(false);
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
          Drop a <code>.scenario.json</code> file here, or choose one. It is checked first and added as a new
          scenario; a file with problems changes nothing.
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
          {isReading
            ? 'Reading…'
            : imported
                .map(
                  (o) => `Imported “${o.scenarioName}” from ${o.fileName} as a new scenario and opened it.`,
                )
                .join(' ')}
        </p>
        {refused.map((outcome, index) => (
          <IssueList key={`${outcome.fileName}-${index}`} outcome={outcome} />
        ))}
      </div>
    </section>
  );
}
