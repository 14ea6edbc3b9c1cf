import { findById } from '../domain/find-by-id';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Model } from '../domain/scenario-schema';
import { formatNumber, formatPrice } from '../format/format';
import { matchesModelQuery } from './model-search';
import { observeWithFallbackHeight } from './fallback-rect';
import './model-select.css';

const OPTION_HEIGHT_PX = 46;
const LIST_MAX_HEIGHT_PX = 320;
/** How far Page Up and Page Down move the active option. */
const PAGE_STEP = 6;

/** The text of a chosen model in the closed picker: name, platform, quality, and how it is billed when not per token. */
export function describeModelOption(model: Model): string {
  const billing = model.pricing.kind === 'capacity' ? ' · capacity' : '';
  return `${model.name} (${model.platform}) · quality ${model.quality}${billing}`;
}

/** The second line of an option: where the model runs and what it costs. */
function describeOffer(model: Model): string {
  const where = [model.provider.trim() || 'Other', model.platform, model.region].filter(Boolean).join(' · ');
  const pricing = model.pricing;
  const price =
    pricing.kind === 'per-token'
      ? `${formatPrice(pricing.inputPerMTok)} in / ${formatPrice(pricing.outputPerMTok)} out per 1M`
      : `${formatPrice(pricing.hourlyPerUnit)} per unit-hour`;
  return `${where} · ${price} · quality ${model.quality}`;
}

const sortedCatalogs = new WeakMap<readonly Model[], { all: Model[]; perToken: Model[] }>();

/** The catalog by provider (A–Z), then name, then platform, each model once; computed once per catalog. */
function sortModels(catalog: readonly Model[], perTokenOnly: boolean): Model[] {
  let sorted = sortedCatalogs.get(catalog);
  if (sorted === undefined) {
    const seen = new Set<string>();
    const all = catalog
      .filter((model) => !seen.has(model.id) && seen.add(model.id))
      .sort(
        (a, b) =>
          (a.provider.trim() || 'Other').localeCompare(b.provider.trim() || 'Other') ||
          a.name.localeCompare(b.name) ||
          a.platform.localeCompare(b.platform),
      );
    sorted = { all, perToken: all.filter((model) => model.pricing.kind === 'per-token') };
    sortedCatalogs.set(catalog, sorted);
  }
  return perTokenOnly ? sorted.perToken : sorted.all;
}

/** One row of the list: a model, or the "none" choice (id ''). */
type Choice = { id: string; model: Model | null };

/** The options for `query`: the models it matches, after "none" (when the picker has one) while it is empty. */
function findChoices(models: readonly Model[], query: string, noneLabel: string | undefined): Choice[] {
  const found = models
    .filter((model) => matchesModelQuery(model, query))
    .map((model) => ({ id: model.id, model }));
  return noneLabel !== undefined && query.trim() === '' ? [{ id: '', model: null }, ...found] : found;
}

export type ModelSelectProps = {
  label: string;
  /** The chosen model id; '' when none (only with `noneLabel`). */
  value: string;
  catalog: readonly Model[];
  /** Called with the chosen id ('' for none); returns the store's refusal, if any. */
  onCommit: (modelId: string) => string | null;
  /** Offers a first choice with id '' under this text (a fallback, "no classifier"). */
  noneLabel?: string;
  perTokenOnly?: boolean;
  hideLabel?: boolean;
  hint?: string;
  className?: string;
};

/**
 * A labelled, searchable model picker (the WAI-ARIA combobox pattern with a list popup): type words of the name,
 * provider, platform or region, or a price bound such as `<1` (input price per 1M), and pick with the arrow keys
 * and Enter or with the mouse. Only the options in view are in the page, so a catalog of 10,000 models opens and
 * filters at once, and the catalog is sorted (once per catalog) only when a list first opens. A choice the store refuses stays shown with its message until the user changes it or the
 * scenario changes underneath.
 */
export function ModelSelect({
  label,
  value,
  catalog,
  onCommit,
  noneLabel,
  perTokenOnly = false,
  hideLabel = false,
  hint,
  className,
}: ModelSelectProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [pending, setPending] = useState<{ value: string; error: string } | null>(null);
  const [syncedValue, setSyncedValue] = useState(value);
  const [isOpen, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const deferredQuery = useDeferredValue(query);
  if (value !== syncedValue) {
    setSyncedValue(value);
    setPending(null);
  }

  const shown = pending?.value ?? value;
  // Sorted only once the list opens: a closed picker (a screen may show dozens) costs nothing per model.
  const models = isOpen ? sortModels(catalog, perTokenOnly) : null;
  // The list shown follows the typing a render behind (`useDeferredValue`), so a long catalog never holds a key.
  const choices = useMemo(
    () => (models === null ? [] : findChoices(models, deferredQuery, noneLabel)),
    [models, deferredQuery, noneLabel],
  );
  /** The choices for what is typed now: a key pressed before the list shown caught up acts on these. */
  const currentChoices = () =>
    models === null || query === deferredQuery ? choices : findChoices(models, query, noneLabel);

  const listRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler.
  const virtualizer = useVirtualizer({
    count: choices.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => OPTION_HEIGHT_PX,
    overscan: 4,
    initialRect: { width: 0, height: LIST_MAX_HEIGHT_PX },
    observeElementRect: observeWithFallbackHeight(observeElementRect, LIST_MAX_HEIGHT_PX),
  });
  const activeIndex = Math.min(active, choices.length - 1);

  // Opening shows the chosen model in view.
  const scrollOnOpen = useRef(false);
  useEffect(() => {
    if (!scrollOnOpen.current || choices.length === 0) return;
    scrollOnOpen.current = false;
    virtualizer.scrollToIndex(Math.max(activeIndex, 0), { align: 'center' });
  });

  function open() {
    if (isOpen) return;
    const offset = noneLabel !== undefined ? 1 : 0;
    const chosenAt =
      shown === '' ? -1 : sortModels(catalog, perTokenOnly).findIndex((model) => model.id === shown);
    setActive(chosenAt === -1 ? 0 : chosenAt + offset);
    setQuery('');
    scrollOnOpen.current = true;
    setOpen(true);
  }

  function close() {
    setOpen(false);
    setQuery('');
  }

  function choose(choice: Choice) {
    close();
    if (choice.id === value) {
      setPending(null);
      return;
    }
    // A refused choice picked again is tried again: the scenario may take it now.
    const refused = onCommit(choice.id);
    setPending(refused === null ? null : { value: choice.id, error: refused });
  }

  /** Makes option `index` of `count` (clamped) the active one, scrolled into view. */
  function moveTo(index: number, count: number) {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const step: Partial<Record<string, number>> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: PAGE_STEP,
      PageUp: -PAGE_STEP,
    };
    const move = step[event.key];
    if (move !== undefined) {
      event.preventDefault();
      if (!isOpen) open();
      else if (!event.altKey) {
        const count = currentChoices().length;
        moveTo(Math.min(active, count - 1) + move, count);
      }
      return;
    }
    if (event.key === 'Enter' && isOpen) {
      event.preventDefault();
      const current = currentChoices();
      const choice = current[Math.min(active, current.length - 1)];
      if (choice) choose(choice);
    } else if (event.key === 'Escape' && isOpen) {
      event.preventDefault();
      close();
    }
  }

  const chosenModel = shown === '' ? undefined : findById(catalog, shown);
  const closedText = chosenModel
    ? describeModelOption(chosenModel)
    : shown === ''
      ? (noneLabel ?? '')
      : `${shown} (not in the catalog)`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const activeChoice = isOpen ? choices[activeIndex] : undefined;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [pending ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={`field model-select${pending ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}
    >
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      <div className="model-select__control">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={isOpen}
          aria-controls={listId}
          aria-activedescendant={activeChoice ? optionId(activeIndex) : undefined}
          aria-invalid={pending ? true : undefined}
          aria-describedby={describedBy}
          title={isOpen ? undefined : closedText}
          placeholder={isOpen ? 'Search name, provider, region, or <1 for price' : undefined}
          value={isOpen ? query : closedText}
          onFocus={(event) => event.target.select()}
          onClick={open}
          onBlur={close}
          onKeyDown={handleKeyDown}
          onChange={(event) => {
            if (!isOpen) open();
            setQuery(event.target.value);
            setActive(0);
            virtualizer.scrollToOffset(0);
          }}
        />
        <span className="model-select__chevron" aria-hidden="true">
          ▾
        </span>
        {isOpen && (
          <div className="model-select__popup">
            <div
              ref={listRef}
              id={listId}
              role="listbox"
              aria-label={label}
              className="model-select__list"
              style={{
                height: Math.min(LIST_MAX_HEIGHT_PX, Math.max(choices.length, 1) * OPTION_HEIGHT_PX),
              }}
            >
              <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {virtualizer.getVirtualItems().map((item) => {
                  const choice = choices[item.index];
                  if (!choice) return null;
                  return (
                    <div
                      key={choice.id}
                      id={optionId(item.index)}
                      role="option"
                      aria-selected={choice.id === shown}
                      className={`model-select__option${item.index === activeIndex ? ' is-active' : ''}`}
                      style={{ transform: `translateY(${item.start}px)`, height: OPTION_HEIGHT_PX }}
                      onMouseDown={(event) => event.preventDefault()}
                      onMouseMove={() => item.index !== activeIndex && setActive(item.index)}
                      onClick={() => choose(choice)}
                    >
                      <span className="model-select__name">
                        {choice.model ? choice.model.name || choice.model.id : noneLabel}
                      </span>{' '}
                      {choice.model && (
                        <span className="model-select__offer">{describeOffer(choice.model)}</span>
                      )}
                    </div>
                  );
                })}
              </div>
            </div>
            <p className="model-select__count" aria-live="polite">
              {choices.length === 0
                ? `No model matches “${query}”`
                : `${formatNumber(choices.length - (choices[0]?.model ? 0 : 1))} of ${formatNumber(models?.length ?? 0)} models`}
            </p>
          </div>
        )}
      </div>
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {pending && (
        <span id={errorId} className="field__error" role="alert">
          {label} {pending.error}
        </span>
      )}
    </div>
  );
}
