import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model, Scenario } from '../../../src/domain/scenario-schema';
import { validateScenario, validateScenarioEdit } from '../../../src/domain/validate-scenario';
import { makeSmallScenario } from '../../factories/small-scenario';
import { makeTwoSliceScenario } from '../../factories/two-slice-scenario';
import { scenarioArbitrary } from '../../factories/scenario-arbitrary';

function valid(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('validateScenarioEdit with entries validated elsewhere', () => {
  it('keeps models a worker validated as they are, and still parses entries the edit made from them', () => {
    const previous = valid(makeSmallScenario());
    const fromWorker = valid({ ...makeSmallScenario(), catalog: [...previous.catalog] }).catalog.map(
      (model) => ({
        ...model,
        id: `imported-${model.id}`,
      }),
    );
    const edited = { ...previous, catalog: [...previous.catalog, ...fromWorker] };
    const result = validateScenarioEdit(edited, previous, new Set(fromWorker));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    fromWorker.forEach((model, i) => expect(result.value.catalog[previous.catalog.length + i]).toBe(model));
    expect(result.value).toEqual(valid(edited));
  });

  it('still parses an entry not in the set, and still runs the cross-field checks on the whole', () => {
    const previous = valid(makeSmallScenario());
    const model = previous.catalog[0]!;
    const trusted = { ...model, id: 'trusted' };
    const badCopy = { ...model, id: 'bad', quality: 1e9 };
    const withBad = { ...previous, catalog: [...previous.catalog, trusted, badCopy] };
    expect(validateScenarioEdit(withBad, previous, new Set([trusted]))).toEqual(validateScenario(withBad));
    expect(validateScenarioEdit(withBad, previous, new Set([trusted])).ok).toBe(false);
    // A trusted model whose id the catalog already has: refused as a duplicate.
    const duplicate = { ...model };
    const withDuplicate = { ...previous, catalog: [...previous.catalog, duplicate] };
    const refused = validateScenarioEdit(withDuplicate, previous, new Set([duplicate]));
    expect(refused).toEqual(validateScenario(withDuplicate));
    expect(refused.ok).toBe(false);
  });

  it('takes a copy of a whole scenario without a previous one, parsing what is not in the set', () => {
    const scenario = valid(makeTwoSliceScenario());
    const copy = structuredClone(scenario);
    const result = validateScenarioEdit(copy, null, new Set([...copy.catalog, ...copy.traffic]));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    result.value.catalog.forEach((model, i) => expect(model).toBe(copy.catalog[i]));
    expect(result.value).toEqual(scenario);
    // Strategies were parsed again: their id records are null-prototype objects once more.
    const routed = result.value.strategies.filter((strategy) => 'routes' in strategy);
    expect(routed.length).toBeGreaterThan(0);
    for (const strategy of routed) expect(Object.getPrototypeOf(strategy.routes)).toBeNull();
  });
});

describe('validateScenarioEdit', () => {
  it('keeps every entry the edit did not make and parses the one it did', () => {
    const previous = valid(makeTwoSliceScenario());
    const [first, second] = previous.traffic;
    const edited = { ...previous, traffic: [{ ...first!, requestsPerMonth: 123 }, second!] };
    const result = validateScenarioEdit(edited, previous);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.traffic[0]).toEqual({ ...first, requestsPerMonth: 123 });
    expect(result.value.traffic[1]).toBe(second);
    expect(result.value.catalog).toEqual(previous.catalog);
    result.value.catalog.forEach((model, i) => expect(model).toBe(previous.catalog[i]));
    result.value.strategies.forEach((strategy, i) => expect(strategy).toBe(previous.strategies[i]));
    // The same document as a full validation gives.
    expect(result.value).toEqual(valid(edited));
  });

  it('keeps the options and finance objects an edit of the traffic did not touch, and parses an edited one', () => {
    // The cheapest model for a slice is searched once per slice while the catalog, options and evaluations are
    // the same objects: a traffic edit that gave new options would search every slice again.
    const previous = valid(makeTwoSliceScenario());
    const [first, second] = previous.traffic;
    const edited = { ...previous, traffic: [{ ...first!, requestsPerMonth: 123 }, second!] };
    const result = validateScenarioEdit(edited, previous);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.options).toBe(previous.options);
    expect(result.value.finance).toBe(previous.finance);

    const options = { ...previous.options, peakToAverage: 3 };
    const withOptions = validateScenarioEdit({ ...previous, options }, previous);
    if (!withOptions.ok) throw new Error(JSON.stringify(withOptions.issues));
    expect(withOptions.value.options).toEqual(options);
    expect(withOptions.value.finance).toBe(previous.finance);
    expect(withOptions.value).toEqual(valid({ ...previous, options }));
  });

  it('fills defaults in a new entry as a full validation does', () => {
    const previous = valid(makeSmallScenario());
    const added = { id: 'extra', name: 'Extra', requestsPerMonth: 10, inputTokens: 5, outputTokens: 1 };
    const edited = { ...previous, traffic: [...previous.traffic, added] };
    const result = validateScenarioEdit(edited, previous);
    expect(result).toEqual(validateScenario(edited));
    expect(result.ok && result.value.traffic[0]).toBe(previous.traffic[0]);
  });

  it('refuses an edit with the issues a full validation gives, for a bad field and for a broken reference', () => {
    const previous = valid(makeSmallScenario());
    const badField = { ...previous, traffic: [{ ...previous.traffic[0]!, cacheHitRate: 2 }] };
    expect(validateScenarioEdit(badField, previous)).toEqual(validateScenario(badField));
    expect(validateScenarioEdit(badField, previous).ok).toBe(false);
    const unknownModel = {
      ...previous,
      strategies: [{ id: 'x', name: 'X', kind: 'single', model: 'missing' }, ...previous.strategies],
    };
    expect(validateScenarioEdit(unknownModel, previous)).toEqual(validateScenario(unknownModel));
    expect(validateScenarioEdit(unknownModel, previous).ok).toBe(false);
  });

  it('agrees with validateScenario on any valid scenario re-committed with one slice copied', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const edited = {
          ...scenario,
          traffic: scenario.traffic.map((slice, i) => (i === 0 ? { ...slice } : slice)),
        };
        expect(validateScenarioEdit(edited, scenario)).toEqual(validateScenario(edited));
      }),
      { numRuns: 30 },
    );
  });

  it('checks a strategy it kept again when the catalog, the slices or its place change under it', () => {
    // makeSmallScenario's strategies put its one slice on model "cheap" or "dear". The edits below leave
    // every strategy object as it was, so only what they are checked against has changed.
    const previous = valid(makeSmallScenario());
    const usesDear = previous.strategies.find((s) => JSON.stringify(s).includes('"dear"'))!;
    const withoutDear = { ...previous, catalog: previous.catalog.filter((m) => m.id !== 'dear') };
    const noModel = validateScenarioEdit(withoutDear, previous);
    expect(noModel).toEqual(validateScenario(withoutDear));
    expect(noModel.ok).toBe(false);
    expect(JSON.stringify(noModel)).toContain('unknown model id \\"dear\\"');
    expect(validateScenarioEdit(withoutDear, previous)).toEqual(noModel);

    // makeTwoSliceScenario's "mixed" assigns slices "main" and "hard": renaming "hard" leaves its route dangling.
    const twoSlices = valid(makeTwoSliceScenario());
    const renamedSlice = {
      ...twoSlices,
      traffic: twoSlices.traffic.map((slice) => (slice.id === 'hard' ? { ...slice, id: 'renamed' } : slice)),
    };
    expect(validateScenarioEdit(twoSlices, twoSlices).ok).toBe(true);
    const dangling = validateScenarioEdit(renamedSlice, twoSlices);
    expect(dangling).toEqual(validateScenario(renamedSlice));
    expect(dangling.ok).toBe(false);

    const moved = { ...previous, strategies: [...previous.strategies].reverse() };
    const brokenMoved = { ...moved, catalog: withoutDear.catalog };
    const result = validateScenarioEdit(brokenMoved, previous);
    expect(result).toEqual(validateScenario(brokenMoved));
    const at = brokenMoved.strategies.indexOf(usesDear);
    expect(JSON.stringify(result)).toContain(`strategies[${at}]`);
  });

  it('checks the strategies again when an edit changes how a model is billed, not when it changes a price', () => {
    // A router whose classifier is "cheap": a classifier must be billed per token.
    const previous = valid({
      ...makeSmallScenario(),
      strategies: [
        {
          id: 'router',
          name: 'Router',
          kind: 'router',
          classifier: { model: 'cheap', inputTokens: 300, outputTokens: 5 },
          routes: { main: { cheap: 0.5, dear: 0.5 } },
        },
      ],
    });
    const editCheap = (edit: (model: Model) => Model) => ({
      ...previous,
      catalog: previous.catalog.map((model) => (model.id === 'cheap' ? edit(model) : model)),
    });

    // A new price keeps every id and every billing: the same verdict as from scratch, accepted.
    const repriced = editCheap((model) => ({
      ...model,
      pricing: { ...model.pricing, inputPerMTok: 2 } as Model['pricing'],
    }));
    const accepted = validateScenarioEdit(repriced, previous);
    expect(accepted).toEqual(validateScenario(repriced));
    expect(accepted.ok).toBe(true);

    // Billed by capacity, it can no longer classify: found although the strategy object is the one kept.
    const capacity = editCheap((model) => ({
      ...model,
      pricing: { kind: 'capacity', hourlyPerUnit: 4, tokensPerMinutePerUnit: 60_000 } as Model['pricing'],
    }));
    const refused = validateScenarioEdit(capacity, accepted.ok ? accepted.value : previous);
    expect(refused).toEqual(validateScenario(capacity));
    expect(JSON.stringify(refused)).toContain('a classifier needs a per-token model');
  });

  it('still finds duplicate ids in a list whose entries it kept', () => {
    const previous = valid(makeSmallScenario());
    const copied = { ...previous, catalog: [...previous.catalog, previous.catalog[0]!] };
    const result = validateScenarioEdit(copied, previous);
    expect(result).toEqual(validateScenario(copied));
    expect(JSON.stringify(result)).toContain(`catalog[${previous.catalog.length}].id`);
  });
});
