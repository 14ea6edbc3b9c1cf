import { useQueries } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { Model, Slice } from '../../domain/scenario-schema';
import { formatNumber } from '../../format/format';
import { TOKENIZER_IDS, TOKENIZER_NAMES, tokenizerQueryOptions } from '../../queries/tokenizer-queries';
import type { Tokenizer, TokenizerId } from '../../queries/tokenizer-queries';
import { REFERENCE_TOKENIZER, countForFamily, groupTokenFamilies } from './token-families';
import type { TokenFamily } from './token-families';

/** A family's counts of the prompt and the answer, and what a slice is filled with. */
export type FamilyCounts = {
  prompt: number;
  answer: number;
  /** What a slice takes: the family's own count, or the reference count for an estimated family. */
  sliceInput: number;
  sliceOutput: number;
};

/** The tokenizers loaded so far and the first load that failed; stable while nothing changes (see `useQueries`). */
function combineTokenizers(results: readonly UseQueryResult<Tokenizer>[]) {
  return {
    tokenizers: results.flatMap((result) => (result.data ? [result.data] : [])),
    error: results.find((result) => result.isError)?.error ?? null,
  };
}

function describeMethod(family: TokenFamily): string {
  const { name, packageName } = TOKENIZER_NAMES[family.tokenizer];
  return family.factor === null
    ? `${name} (${packageName}), exact`
    : `${name} × ${formatNumber(family.factor)} (${packageName}), estimate`;
}

function describeModels(family: TokenFamily): string {
  if (family.models.length === 0) return 'no model in this catalog';
  const names = family.models.slice(0, 2).map((model) => model.name || model.id);
  const more = family.models.length - names.length;
  return `${formatNumber(family.models.length)} model${family.models.length === 1 ? '' : 's'}: ${names.join(', ')}${
    more > 0 ? ` and ${formatNumber(more)} more` : ''
  }`;
}

/**
 * Counts a sample prompt and answer for every model family of the catalog: with the family's own tokenizer where
 * an npm package ships it, else the reference tokenizer's count times the family's tokenizer factor, the method
 * named beside each count. The tokenizers load (each its own chunk) when this component first renders. One click
 * fills a traffic slice's input and output tokens, or the calculator's.
 */
export function TokenCounter({
  catalog,
  traffic,
  onFillSlice,
  onUseInCalculator,
}: {
  catalog: readonly Model[];
  traffic: readonly Slice[];
  /** Fills slice `sliceIndex`; returns a message saying what happened. */
  onFillSlice: (sliceIndex: number, inputTokens: number, outputTokens: number, family: string) => string;
  onUseInCalculator: (inputTokens: number, outputTokens: number, family: string) => void;
}) {
  const id = useId();
  const [prompt, setPrompt] = useState('');
  const [answer, setAnswer] = useState('');
  const [sliceId, setSliceId] = useState(traffic[0]?.id ?? '');
  const [status, setStatus] = useState('');
  const deferredPrompt = useDeferredValue(prompt);
  const deferredAnswer = useDeferredValue(answer);
  const families = useMemo(() => groupTokenFamilies(catalog), [catalog]);

  const loaded = useQueries({
    queries: TOKENIZER_IDS.map((tokenizer) => tokenizerQueryOptions(tokenizer)),
    combine: combineTokenizers,
  });
  const failed = loaded.error;

  const counts = useMemo(() => {
    const byTokenizer = new Map<TokenizerId, { prompt: number; answer: number }>();
    for (const tokenizer of loaded.tokenizers) {
      byTokenizer.set(tokenizer.id, {
        prompt: tokenizer.count(deferredPrompt),
        answer: tokenizer.count(deferredAnswer),
      });
    }
    return byTokenizer;
  }, [deferredPrompt, deferredAnswer, loaded.tokenizers]);

  function countsFor(family: TokenFamily): FamilyCounts | null {
    const counted = counts.get(family.tokenizer);
    if (!counted) return null;
    return {
      prompt: countForFamily(family, counted.prompt),
      answer: countForFamily(family, counted.answer),
      sliceInput: counted.prompt,
      sliceOutput: counted.answer,
    };
  }

  const sliceIndex = traffic.findIndex((slice) => slice.id === sliceId);
  const targetSlice = traffic[sliceIndex] ?? traffic[0];
  const targetIndex = targetSlice ? traffic.indexOf(targetSlice) : -1;
  const empty = prompt === '' && answer === '';

  return (
    <section className="token-counter" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Token counter</h3>
      <p className="muted token-counter__intro">
        Paste a sample prompt and a sample answer. Each family is counted with its own tokenizer where one
        ships for the browser; the others are the {TOKENIZER_NAMES[REFERENCE_TOKENIZER].name} count times the
        family’s tokenizer factor from the catalog, marked as an estimate. Nothing you paste leaves this page.
      </p>
      <div className="token-counter__texts">
        <div className="field">
          <label htmlFor={`${id}-prompt`} className="field__label">
            Sample prompt
          </label>
          <textarea
            id={`${id}-prompt`}
            rows={6}
            value={prompt}
            onChange={(event) => setPrompt(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-answer`} className="field__label">
            Sample answer
          </label>
          <textarea
            id={`${id}-answer`}
            rows={6}
            value={answer}
            onChange={(event) => setAnswer(event.target.value)}
          />
        </div>
      </div>
      {failed && (
        <p className="notice notice--error" role="alert">
          A tokenizer could not be loaded: {failed.message}
        </p>
      )}
      <div className="token-counter__target">
        <div className="field">
          <label htmlFor={`${id}-slice`} className="field__label">
            Slice to fill
          </label>
          <select
            id={`${id}-slice`}
            value={targetSlice?.id ?? ''}
            disabled={traffic.length === 0}
            onChange={(event) => setSliceId(event.target.value)}
          >
            {traffic.length === 0 && <option value="">No slice yet</option>}
            {traffic.map((slice) => (
              <option key={slice.id} value={slice.id}>
                {slice.name || slice.id}
              </option>
            ))}
          </select>
        </div>
        <p className="muted token-counter__fill-note">
          A slice takes the family’s own count, or the {TOKENIZER_NAMES[REFERENCE_TOKENIZER].name} count for
          an estimate: the engine applies each model’s tokenizer factor itself.
        </p>
      </div>
      <p className="catalog__status" role="status">
        {status}
      </p>
      <table className="data-table token-counter__table" aria-label="Tokens per model family">
        <thead>
          <tr>
            <th scope="col">Family</th>
            <th scope="col" className="num">
              Prompt
            </th>
            <th scope="col" className="num">
              Answer
            </th>
            <th scope="col">Method</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {families.map((family) => {
            const familyCounts = countsFor(family);
            return (
              <tr key={family.id} data-testid="token-family" data-family={family.id}>
                <th scope="row">
                  <span className="token-counter__family">{family.label}</span>
                  <span className="token-counter__models">{describeModels(family)}</span>
                </th>
                <td className="num" data-testid="token-prompt">
                  {familyCounts ? formatNumber(familyCounts.prompt) : <span className="muted">loading…</span>}
                </td>
                <td className="num" data-testid="token-answer">
                  {familyCounts ? formatNumber(familyCounts.answer) : <span className="muted">loading…</span>}
                </td>
                <td className="token-counter__method">{describeMethod(family)}</td>
                <td className="token-counter__actions">
                  <button
                    type="button"
                    className="button"
                    disabled={!familyCounts || empty || targetIndex < 0}
                    aria-label={`Fill ${targetSlice?.name || 'the slice'} with the ${family.label} counts`}
                    onClick={() => {
                      if (!familyCounts) return;
                      setStatus(
                        onFillSlice(
                          targetIndex,
                          familyCounts.sliceInput,
                          familyCounts.sliceOutput,
                          family.label,
                        ),
                      );
                    }}
                  >
                    Fill slice
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={!familyCounts || empty}
                    aria-label={`Use the ${family.label} counts in the calculator`}
                    onClick={() => {
                      if (!familyCounts) return;
                      onUseInCalculator(familyCounts.sliceInput, familyCounts.sliceOutput, family.label);
                      setStatus(
                        `The calculator now prices ${formatNumber(familyCounts.sliceInput)} input and ${formatNumber(
                          familyCounts.sliceOutput,
                        )} output tokens (${family.label}).`,
                      );
                    }}
                  >
                    Use in calculator
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
