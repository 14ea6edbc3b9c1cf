import { findById } from '../../domain/find-by-id';
import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { evaluationSchema } from '../../domain/scenario-schema';
import type { Evaluation, Scenario } from '../../domain/scenario-schema';
import { evaluationsToCsv, formatEvaluationsCsvIssue, parseEvaluationsCsv } from '../../io/evaluations-csv';
import { readFileText } from '../../io/file-import';
import type { EvaluationsCsvIssue } from '../../io/evaluations-csv';
import {
  addEvaluation,
  importEvaluations,
  removeEvaluation,
  updateEvaluation,
} from '../../state/scenario-edits';
import { usePlannerStore } from '../../state/scenario-store';
import { downloadText, makeFileName } from '../../ui/download';
import { describeRefusal } from '../../ui/edit-issues';
import { formatNumber } from '../../format/format';
import { NumberField } from '../../ui/number-field';
import { TextField } from '../../ui/text-field';
import { UndoNotice } from '../../ui/undo-notice';
import type { UndoableStatus } from '../../ui/undo-notice';
import { ModelSelect } from '../../ui/model-select';
import { CappedList } from '../../ui/capped-list';

const scoreSchema = evaluationSchema.shape.score;

/** The first model × slice pair (catalog order, then traffic order) without an evaluation, or null. */
function findFreePair(scenario: Scenario): { model: string; slice: string; quality: number } | null {
  const taken = new Set(scenario.evaluations.map((e) => JSON.stringify([e.model, e.slice])));
  for (const slice of scenario.traffic)
    for (const model of scenario.catalog)
      if (!taken.has(JSON.stringify([model.id, slice.id])))
        return { model: model.id, slice: slice.id, quality: model.quality };
  return null;
}

/**
 * The user's own evaluations: a score per model and slice that replaces the catalog's quality for that slice in
 * cheapest-meeting-bar, the optimiser and every "below bar" verdict. A table to add, edit and remove them, and CSV
 * import (every problem listed, nothing applied while there is one) and export.
 */
export function EvaluationsSection({ scenario }: { scenario: Scenario }) {
  const id = useId();
  const [edit, undo] = usePlannerStore(useShallow((s) => [s.edit, s.undo]));
  const [status, setStatus] = useState<UndoableStatus>(null);
  const [problems, setProblems] = useState<{ fileName: string; issues: EvaluationsCsvIssue[] } | null>(null);
  const evaluations = scenario.evaluations;
  const modelName = (modelId: string) => findById(scenario.catalog, modelId)?.name || modelId;
  const sliceName = (sliceId: string) => findById(scenario.traffic, sliceId)?.name.trim() || sliceId;
  const catalogScore = (modelId: string) => findById(scenario.catalog, modelId)?.quality;
  const freePair = findFreePair(scenario);

  function change(index: number, next: Evaluation): string | null {
    return describeRefusal(edit((s) => updateEvaluation(s, index, next)));
  }

  function add() {
    if (!freePair) return;
    const evaluation: Evaluation = { model: freePair.model, slice: freePair.slice, score: freePair.quality };
    const done = edit((s) => addEvaluation(s, evaluation));
    setStatus({
      text: done.ok
        ? `Added an evaluation of ${modelName(evaluation.model)} on ${sliceName(evaluation.slice)}, starting at its catalog score. Pick the model and slice, then type your score.`
        : `Could not add an evaluation: ${describeRefusal(done) ?? ''}`,
      undoable: false,
    });
  }

  function remove(index: number) {
    const evaluation = evaluations[index];
    if (!evaluation) return;
    const done = edit((s) => removeEvaluation(s, index));
    setStatus(
      done.ok
        ? {
            text: `Removed your evaluation of ${modelName(evaluation.model)} on ${sliceName(evaluation.slice)}.`,
            undoable: true,
          }
        : { text: `Could not remove it: ${describeRefusal(done) ?? ''}`, undoable: false },
    );
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    // Read only up to the size every import accepts: a larger file is refused unread, saying its size.
    const read = await readFileText(file);
    if (!read.ok) {
      setProblems({
        fileName: file.name,
        issues: read.issues.map((issue) => ({ row: null, column: null, message: issue.message })),
      });
      setStatus(null);
      return;
    }
    const parsed = parseEvaluationsCsv(read.text, scenario);
    if (!parsed.ok) {
      setProblems({ fileName: file.name, issues: parsed.issues });
      setStatus(null);
      return;
    }
    setProblems(null);
    const done = edit((s) => importEvaluations(s, parsed.value));
    setStatus(
      done.ok
        ? {
            text: `Imported ${formatNumber(parsed.value.length)} evaluation${parsed.value.length === 1 ? '' : 's'} from ${file.name}.`,
            undoable: true,
          }
        : { text: `Could not import ${file.name}: ${describeRefusal(done) ?? ''}`, undoable: false },
    );
  }

  function exportCsv() {
    downloadText(
      evaluationsToCsv(evaluations),
      makeFileName(scenario.name, '.evaluations.csv', 'evaluations'),
      'text/csv',
    );
  }

  return (
    <section className="card evaluations" aria-labelledby={`${id}-title`} data-testid="evaluations">
      <h3 id={`${id}-title`}>Your own evaluations</h3>
      <p className="muted evaluations__lead">
        Benchmark on your own task: a score you give a model on one slice replaces its catalog score for that
        slice only — in cheapest-meeting-bar, the optimiser and every quality verdict. Use the scale of your
        slices’ quality bars. Scores you give are marked “your eval” wherever they are shown.
      </p>

      {evaluations.length === 0 ? (
        <p className="muted">No evaluations yet: every verdict uses the catalog’s scores.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table evaluations__table">
            <caption className="visually-hidden">Your evaluations, one model on one slice per row</caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Slice</th>
                <th scope="col" className="num">
                  Your score
                </th>
                <th scope="col" className="num">
                  Catalog score
                </th>
                <th scope="col">Source</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {evaluations.map((evaluation, index) => {
                const who = `${modelName(evaluation.model)} on ${sliceName(evaluation.slice)}`;
                const catalog = catalogScore(evaluation.model);
                return (
                  <tr key={index} data-testid={`evaluation-row-${index}`}>
                    <td>
                      <ModelSelect
                        label={`Model of evaluation ${index + 1}`}
                        hideLabel
                        value={evaluation.model}
                        catalog={scenario.catalog}
                        onCommit={(model) => change(index, { ...evaluation, model })}
                      />
                    </td>
                    <td>
                      <SliceSelect
                        label={`Slice of evaluation ${index + 1}`}
                        value={evaluation.slice}
                        slices={scenario.traffic}
                        onCommit={(slice) => change(index, { ...evaluation, slice })}
                      />
                    </td>
                    <td className="num">
                      <NumberField
                        label={`Your score of ${who}`}
                        hideLabel
                        value={evaluation.score}
                        schema={scoreSchema}
                        onCommit={(score) => change(index, { ...evaluation, score })}
                      />
                    </td>
                    <td className="num muted">{catalog === undefined ? '—' : formatNumber(catalog)}</td>
                    <td>
                      <TextField
                        label={`Source of the score of ${who}`}
                        hideLabel
                        value={evaluation.source ?? ''}
                        onCommit={(text) => {
                          const next: Evaluation = {
                            model: evaluation.model,
                            slice: evaluation.slice,
                            score: evaluation.score,
                          };
                          if (text.trim() !== '') next.source = text;
                          return change(index, next);
                        }}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--quiet button--danger button--small"
                        aria-label={`Remove your evaluation of ${who}`}
                        onClick={() => remove(index)}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <div className="toolbar evaluations__toolbar">
        <button type="button" className="button" onClick={add} disabled={!freePair}>
          Add an evaluation
        </button>
        <div className="field evaluations__import">
          <label htmlFor={`${id}-file`} className="field__label">
            Import CSV
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.txt,text/csv"
            aria-describedby={`${id}-file-hint`}
            onChange={(event) => {
              void importFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <span id={`${id}-file-hint`} className="field__hint">
            Header <code>model,slice,score,source</code> (any order; source optional). A row replaces your
            score of the same model and slice.
          </span>
        </div>
        <button type="button" className="button" onClick={exportCsv} disabled={evaluations.length === 0}>
          Export CSV
        </button>
      </div>
      {!freePair && scenario.catalog.length > 0 && scenario.traffic.length > 0 && (
        <p className="field__hint">Every model has a score on every slice.</p>
      )}

      {problems && (
        <div className="notice notice--error evaluations__problems" role="alert">
          <p>
            Nothing was imported from {problems.fileName}: {formatNumber(problems.issues.length)} problem
            {problems.issues.length === 1 ? '' : 's'}.
          </p>
          <CappedList
            aria-label={`Problems in ${problems.fileName}`}
            items={problems.issues}
            render={formatEvaluationsCsvIssue}
            toLine={formatEvaluationsCsvIssue}
            fileName={makeFileName(problems.fileName, '.problems.txt')}
          />
        </div>
      )}
      {/* A polite live region, not role="status": the screen's own status line keeps that role. */}
      <div aria-live="polite">
        {status && <UndoNotice status={status} onUndo={undo} onStatus={setStatus} />}
      </div>
    </section>
  );
}

/** A labelled slice picker (label hidden: the table's column says it). */
function SliceSelect({
  label,
  value,
  slices,
  onCommit,
}: {
  label: string;
  value: string;
  slices: Scenario['traffic'];
  onCommit: (sliceId: string) => string | null;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setError(onCommit(event.target.value))}
      >
        {slices.map((slice) => (
          <option key={slice.id} value={slice.id}>
            {slice.name.trim() || slice.id}
          </option>
        ))}
      </select>
      {error && (
        <span id={`${id}-error`} className="field__error" role="alert">
          {label} {error}
        </span>
      )}
    </div>
  );
}
