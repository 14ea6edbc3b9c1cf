import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { Model } from '../../domain/scenario-schema';

const signatures = new WeakMap<readonly Model[], string>();
const optionCache = new Map<string, ReactNode>();
const OPTION_CACHE_SIZE = 4;
/**
 * Above this many models a select renders only its chosen option until it is focused or pressed: an editor
 * with two dozen selects over a 2,000-model catalog would otherwise put 50,000 options in the page.
 */
const LAZY_OPTIONS_ABOVE = 150;

/** What the options show of a catalog; equal signatures render equal option lists. */
function readSignature(catalog: readonly Model[]): string {
  let signature = signatures.get(catalog);
  if (signature === undefined) {
    signature = catalog
      .map((m) => [m.id, m.name, m.provider, m.platform, m.quality, m.pricing.kind].join('\u0001'))
      .join('\u0002');
    signatures.set(catalog, signature);
  }
  return signature;
}

/** The text of one model's option: name, platform, quality, and how it is billed when not per token. */
export function describeModelOption(model: Model): string {
  const billing = model.pricing.kind === 'capacity' ? ' · capacity' : '';
  return `${model.name} (${model.platform}) · quality ${model.quality}${billing}`;
}

/**
 * The catalog as option groups by provider (A–Z), models by name inside each. Built once per catalog content
 * and reused as the same elements, so a large catalog costs its DOM once per select, not on every edit.
 */
function renderModelOptions(catalog: readonly Model[], perTokenOnly: boolean): ReactNode {
  const key = `${perTokenOnly ? 'p' : 'a'}\u0003${readSignature(catalog)}`;
  const cached = optionCache.get(key);
  if (cached !== undefined) return cached;
  const byProvider = new Map<string, Model[]>();
  const seen = new Set<string>();
  for (const model of catalog) {
    if (seen.has(model.id) || (perTokenOnly && model.pricing.kind !== 'per-token')) continue;
    seen.add(model.id);
    const provider = model.provider.trim() || 'Other';
    const list = byProvider.get(provider) ?? [];
    list.push(model);
    byProvider.set(provider, list);
  }
  const providers = [...byProvider.keys()].sort((a, b) => a.localeCompare(b));
  const options = providers.map((provider) => (
    <optgroup key={provider} label={provider}>
      {[...(byProvider.get(provider) ?? [])]
        .sort((a, b) => a.name.localeCompare(b.name) || a.platform.localeCompare(b.platform))
        .map((model) => (
          <option key={model.id} value={model.id}>
            {describeModelOption(model)}
          </option>
        ))}
    </optgroup>
  ));
  optionCache.set(key, options);
  if (optionCache.size > OPTION_CACHE_SIZE) {
    const oldest = optionCache.keys().next().value;
    if (oldest !== undefined) optionCache.delete(oldest);
  }
  return options;
}

export type ModelSelectProps = {
  label: string;
  /** The chosen model id; '' when none (only with `noneLabel`). */
  value: string;
  catalog: readonly Model[];
  /** Called with the chosen id ('' for none); returns the store's refusal, if any. */
  onCommit: (modelId: string) => string | null;
  /** Offers a first option with value '' under this text (a fallback, "no classifier"). */
  noneLabel?: string;
  perTokenOnly?: boolean;
  hideLabel?: boolean;
  hint?: string;
  className?: string;
};

/**
 * A labelled model picker: the catalog grouped by provider. A choice the store refuses stays selected with
 * its message next to the select until the user changes it or the scenario changes underneath.
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
  const [pending, setPending] = useState<{ value: string; error: string } | null>(null);
  const [isExpanded, setExpanded] = useState(false);
  const [syncedValue, setSyncedValue] = useState(value);
  if (value !== syncedValue) {
    setSyncedValue(value);
    setPending(null);
  }

  function handleChange(next: string) {
    const refused = onCommit(next);
    setPending(refused === null ? null : { value: next, error: refused });
  }

  const shown = pending?.value ?? value;
  const isLazy = !isExpanded && catalog.length > LAZY_OPTIONS_ABOVE;
  const chosen = isLazy ? catalog.find((model) => model.id === shown) : undefined;
  const expand = isLazy ? () => setExpanded(true) : undefined;

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
      <select
        id={id}
        value={shown}
        aria-invalid={pending ? true : undefined}
        aria-describedby={describedBy}
        onFocus={expand}
        onPointerDown={expand}
        onChange={(event) => handleChange(event.target.value)}
      >
        {noneLabel !== undefined && <option value="">{noneLabel}</option>}
        {!isLazy && renderModelOptions(catalog, perTokenOnly)}
        {chosen && <option value={chosen.id}>{describeModelOption(chosen)}</option>}
      </select>
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
