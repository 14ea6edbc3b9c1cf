import { useId, useState } from 'react';
import { creditPoolSchema } from '../../domain/scenario-schema';
import type { CreditPool } from '../../domain/scenario-schema';
import { formatMonth } from '../../format/format';
import { NumberField } from '../../ui/number-field';
import { TextField } from '../../ui/text-field';
import { namePool } from './runway-figures';

const amountSchema = creditPoolSchema.shape.amount;
const expiresSchema = creditPoolSchema.shape.expiresAfterMonths.unwrap().unwrap();
const DEFAULT_EXPIRY_MONTHS = 12;

export type PoolEditorProps = {
  pool: CreditPool;
  horizonMonths: number;
  startMonth: string | undefined;
  /** Platforms the scenario spends on (`listScenarioPlatforms`), then the catalog's others; the pool's own are added after them. */
  platforms: readonly string[];
  /** Applies a change to this pool; returns a message when the scenario refuses it. */
  onChange: (pool: CreditPool) => string | null;
  onRemove: () => void;
};

/** One credit pool's fields: name, amount, start, expiry, platforms it pays for, notes. */
export function PoolEditor({
  pool,
  horizonMonths,
  startMonth,
  platforms,
  onChange,
  onRemove,
}: PoolEditorProps) {
  const id = useId();
  const name = namePool(pool);
  const [lastExpiry, setLastExpiry] = useState(pool.expiresAfterMonths ?? DEFAULT_EXPIRY_MONTHS);
  const [platformError, setPlatformError] = useState<string | null>(null);
  const [selectError, setSelectError] = useState<string | null>(null);

  const monthCount = Math.max(horizonMonths, pool.startMonth + 1);
  const months = Array.from({ length: monthCount }, (_, month) => month);
  const shownPlatforms = [...platforms, ...pool.appliesTo.filter((p) => p !== '*' && !platforms.includes(p))];
  const coversAll = pool.appliesTo.includes('*');

  function togglePlatform(platform: string, checked: boolean) {
    const appliesTo = checked
      ? [...pool.appliesTo, platform]
      : pool.appliesTo.filter((existing) => existing !== platform);
    setPlatformError(onChange({ ...pool, appliesTo }));
  }

  function toggleNever(never: boolean) {
    if (pool.expiresAfterMonths !== null) setLastExpiry(pool.expiresAfterMonths);
    setSelectError(onChange({ ...pool, expiresAfterMonths: never ? null : lastExpiry }));
  }

  return (
    <fieldset className="pool-row" data-testid={`pool-${pool.id}`}>
      <legend className="pool-row__legend">{name}</legend>
      <div className="pool-row__fields">
        <TextField label="Name" value={pool.name} onCommit={(value) => onChange({ ...pool, name: value })} />
        <NumberField
          label="Amount"
          unit="USD"
          money="amount"
          value={pool.amount}
          schema={amountSchema}
          onCommit={(amount) => onChange({ ...pool, amount })}
        />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-start`}>
            Starts
          </label>
          <select
            id={`${id}-start`}
            value={pool.startMonth}
            onChange={(event) =>
              setSelectError(onChange({ ...pool, startMonth: Number(event.target.value) }))
            }
          >
            {months.map((month) => (
              <option key={month} value={month}>
                {formatMonth(month, startMonth)}
                {month >= horizonMonths ? ' (after the horizon)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="pool-row__expiry">
          {pool.expiresAfterMonths === null ? (
            <div className="field">
              <span className="field__label">Expires after</span>
              <span className="pool-row__never">Never</span>
            </div>
          ) : (
            <NumberField
              label="Expires after"
              unit="months"
              value={pool.expiresAfterMonths}
              schema={expiresSchema}
              onCommit={(expiresAfterMonths) => onChange({ ...pool, expiresAfterMonths })}
            />
          )}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={pool.expiresAfterMonths === null}
              onChange={(event) => toggleNever(event.target.checked)}
            />
            Never expires
          </label>
        </div>
        <fieldset className="pool-row__platforms">
          <legend className="field__label">Eligible platforms</legend>
          <div className="pool-row__checks">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={coversAll}
                onChange={(event) => togglePlatform('*', event.target.checked)}
              />
              All platforms (*)
            </label>
            {shownPlatforms.map((platform) => (
              <label key={platform} className="checkbox">
                <input
                  type="checkbox"
                  checked={pool.appliesTo.includes(platform)}
                  onChange={(event) => togglePlatform(platform, event.target.checked)}
                />
                {platform}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="pool-row__remove">
          <button type="button" className="button button--danger" onClick={onRemove}>
            Remove <span className="visually-hidden">{name}</span>
          </button>
        </div>
        <div className="pool-row__notes">
          <TextField
            label="Notes"
            value={pool.notes ?? ''}
            onCommit={(notes) => {
              const next: CreditPool = { ...pool, notes };
              if (notes === '') delete next.notes;
              return onChange(next);
            }}
          />
        </div>
      </div>
      {(platformError || selectError) && (
        <p className="field__error pool-row__error" role="alert">
          {platformError ? `Eligible platforms ${platformError}` : `${name} ${selectError}`}
        </p>
      )}
    </fieldset>
  );
}
