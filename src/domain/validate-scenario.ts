/**
 * Whole-document validation: field checks from the zod schema, then the checks that span fields.
 * Every problem is reported, each with its path (`traffic[2].cacheHitRate: must be between 0 and 1`).
 */
import type { z } from 'zod';
import {
  creditPoolSchema,
  evaluationSchema,
  fixedCostSchema,
  modelSchema,
  scenarioSchema,
  sliceSchema,
  strategySchema,
} from './scenario-schema';
import { sumRouterShares } from './routes';
import { checkRanges, liftRanges } from './value-ranges';
import type { Model, Scenario, Strategy } from './scenario-schema';
import { indexById, indexEditedList } from './find-by-id';
import type { IdIndex } from './find-by-id';

export type ValidationIssue = { path: string; message: string };

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Router shares must sum to 1 within this tolerance. */
export const SHARE_SUM_TOLERANCE = 1e-6;

/** `['traffic', 2, 'cacheHitRate']` → `traffic[2].cacheHitRate`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** One line per issue: `path: message`, or just the message for the document itself. */
export function formatIssue(issue: ValidationIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

const EXPECTED_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** Turns zod's issues into ours, with messages a person can act on. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: formatPath([...issue.path, key]), message: 'unknown field' });
    } else if (issue.code === 'invalid_type') {
      const received = (issue as { input?: unknown }).input;
      if (received === undefined) out.push({ path, message: 'is required' });
      else if (issue.expected === 'number' && typeof received === 'number')
        out.push({ path, message: 'must be a finite number' });
      else out.push({ path, message: `must be ${EXPECTED_NAMES[issue.expected] ?? issue.expected}` });
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}

function findDuplicates(
  list: readonly { readonly id: string }[],
  listPath: string,
  what: string,
  issues: ValidationIssue[],
) {
  // The list's index (made once per list object, and shared with every lookup) holds each id once.
  if (indexById(list).size === list.length) return;
  const seen = new Set<string>();
  list.forEach(({ id }, index) => {
    if (seen.has(id))
      issues.push({ path: `${listPath}[${index}].id`, message: `duplicate ${what} id "${id}"` });
    seen.add(id);
  });
}

/**
 * What a strategy's checks read of the catalog: which ids it holds and how each is billed. Catalog indexes that
 * agree on both share one token (see `validateScenarioEdit`), so an edit of a model's prices or name does not
 * check every strategy again.
 */
const catalogShapes = new WeakMap<IdIndex<Model>, object>();

function catalogShapeOf(models: IdIndex<Model>): object {
  let shape = catalogShapes.get(models);
  if (!shape) {
    shape = {};
    catalogShapes.set(models, shape);
  }
  return shape;
}

/**
 * Each strategy's reference problems, kept with what they were found against (its place, the catalog's shape
 * and the slice ids): an edit elsewhere leaves the strategy object, and its checks, as they were.
 */
const strategyChecks = new WeakMap<
  Strategy,
  {
    index: number;
    catalogShape: object;
    sliceKey: string;
    issues: readonly ValidationIssue[];
  }
>();

function checkStrategyOnce(
  strategy: Strategy,
  index: number,
  models: IdIndex<Model>,
  sliceIds: readonly string[],
  sliceKey: string,
  issues: ValidationIssue[],
) {
  const catalogShape = catalogShapeOf(models);
  let known = strategyChecks.get(strategy);
  if (!known || known.index !== index || known.catalogShape !== catalogShape || known.sliceKey !== sliceKey) {
    const found: ValidationIssue[] = [];
    checkStrategy(strategy, index, models, sliceIds, found);
    known = { index, catalogShape, sliceKey, issues: found };
    strategyChecks.set(strategy, known);
  }
  issues.push(...known.issues);
}

/** Whether any model is billed per token (stops at the first). */
function hasPerTokenModel(models: IdIndex<Model>): boolean {
  for (const model of models.values()) if (model.pricing.kind === 'per-token') return true;
  return false;
}

function checkStrategy(
  strategy: Strategy,
  index: number,
  models: IdIndex<Model>,
  sliceIds: readonly string[],
  issues: ValidationIssue[],
) {
  const base = `strategies[${index}]`;
  const sliceSet = new Set(sliceIds);
  const checkModel = (id: string, path: string) => {
    if (!models.has(id)) issues.push({ path, message: `unknown model id "${id}"` });
  };
  const checkSliceKey = (sliceId: string, path: string) => {
    if (!sliceSet.has(sliceId)) issues.push({ path, message: `no traffic slice has id "${sliceId}"` });
  };
  const checkFallback = (routes: Record<string, unknown>, fallback: string | undefined) => {
    if (fallback !== undefined) {
      checkModel(fallback, `${base}.fallback`);
      return;
    }
    const unrouted = sliceIds.filter((id) => !Object.hasOwn(routes, id));
    if (unrouted.length > 0) {
      issues.push({
        path: `${base}.fallback`,
        message: `is required: slice${unrouted.length > 1 ? 's' : ''} ${unrouted.map((id) => `"${id}"`).join(', ')} ha${unrouted.length > 1 ? 've' : 's'} no route`,
      });
    }
  };

  switch (strategy.kind) {
    case 'single':
      checkModel(strategy.model, `${base}.model`);
      break;
    case 'assign':
      for (const [sliceId, modelId] of Object.entries(strategy.routes)) {
        checkSliceKey(sliceId, `${base}.routes.${sliceId}`);
        checkModel(modelId, `${base}.routes.${sliceId}`);
      }
      checkFallback(strategy.routes, strategy.fallback);
      break;
    case 'cascade':
      for (const [sliceId, route] of Object.entries(strategy.routes)) {
        const path = `${base}.routes.${sliceId}`;
        checkSliceKey(sliceId, path);
        route.steps.forEach((modelId, step) => checkModel(modelId, `${path}.steps[${step}]`));
        if (route.escalation.length !== route.steps.length - 1) {
          issues.push({
            path: `${path}.escalation`,
            message: `must have one rate fewer than steps (${route.steps.length} steps, ${route.escalation.length} rates)`,
          });
        }
      }
      checkFallback(strategy.routes, strategy.fallback);
      break;
    case 'router': {
      if (strategy.classifier) {
        const classifier = models.get(strategy.classifier.model);
        checkModel(strategy.classifier.model, `${base}.classifier.model`);
        if (classifier?.pricing.kind === 'capacity') {
          issues.push({
            path: `${base}.classifier.model`,
            message: `"${classifier.id}" is capacity-billed; a classifier needs a per-token model`,
          });
        }
      }
      for (const [sliceId, shares] of Object.entries(strategy.routes)) {
        const path = `${base}.routes.${sliceId}`;
        checkSliceKey(sliceId, path);
        const modelIds = Object.keys(shares);
        for (const modelId of modelIds) checkModel(modelId, `${path}.${modelId}`);
        const sum = sumRouterShares(Object.values(shares));
        if (modelIds.length === 0) issues.push({ path, message: 'must give a share to at least one model' });
        else if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE)
          issues.push({ path, message: `shares must sum to 1 (they sum to ${sum})` });
      }
      checkFallback(strategy.routes, strategy.fallback);
      break;
    }
    case 'cheapest-meeting-bar':
      if (!hasPerTokenModel(models)) {
        issues.push({ path: base, message: 'needs at least one per-token model in the catalog' });
      }
      break;
  }
}

/** Fixed costs: unique ids, an end after the start, strategies that exist. */
function checkFixedCosts(scenario: Pick<Scenario, 'fixedCosts' | 'strategies'>, issues: ValidationIssue[]) {
  findDuplicates(scenario.fixedCosts, 'fixedCosts', 'fixed cost', issues);
  const strategyIds = new Set(scenario.strategies.map((strategy) => strategy.id));
  scenario.fixedCosts.forEach((cost, index) => {
    const base = `fixedCosts[${index}]`;
    if (cost.endMonth !== null && cost.endMonth <= cost.startMonth) {
      issues.push({
        path: `${base}.endMonth`,
        message: `must be after startMonth (${cost.startMonth}); it is the first month no longer paid`,
      });
    }
    cost.strategies?.forEach((id, i) => {
      if (!strategyIds.has(id))
        issues.push({ path: `${base}.strategies[${i}]`, message: `no strategy has id "${id}"` });
    });
  });
}

/** Evaluations: a model and a slice that exist, one score per model and slice. */
function checkEvaluations(
  scenario: Pick<Scenario, 'evaluations'>,
  models: IdIndex<Model>,
  sliceIds: ReadonlySet<string>,
  issues: ValidationIssue[],
) {
  const seen = new Set<string>();
  scenario.evaluations.forEach((evaluation, index) => {
    const base = `evaluations[${index}]`;
    if (!models.has(evaluation.model))
      issues.push({ path: `${base}.model`, message: `unknown model id "${evaluation.model}"` });
    if (!sliceIds.has(evaluation.slice))
      issues.push({ path: `${base}.slice`, message: `no traffic slice has id "${evaluation.slice}"` });
    const key = JSON.stringify([evaluation.model, evaluation.slice]);
    if (seen.has(key))
      issues.push({
        path: base,
        message: `duplicate evaluation of "${evaluation.model}" on slice "${evaluation.slice}"`,
      });
    seen.add(key);
  });
}

/** The checks that span fields, on a document whose fields are each valid. */
export function checkScenarioReferences(scenario: Scenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  findDuplicates(scenario.catalog, 'catalog', 'model', issues);
  findDuplicates(scenario.traffic, 'traffic', 'slice', issues);
  findDuplicates(scenario.strategies, 'strategies', 'strategy', issues);
  findDuplicates(scenario.credits, 'credits', 'pool', issues);
  scenario.credits.forEach((pool, index) => {
    const seen = new Set<string>();
    pool.appliesTo.forEach((platform, i) => {
      if (seen.has(platform))
        issues.push({
          path: `credits[${index}].appliesTo[${i}]`,
          message: `duplicate platform "${platform}"`,
        });
      seen.add(platform);
    });
  });
  const models = indexById(scenario.catalog);
  const sliceIds = scenario.traffic.map((s) => s.id);
  const sliceKey = JSON.stringify(sliceIds);
  scenario.strategies.forEach((strategy, index) =>
    checkStrategyOnce(strategy, index, models, sliceIds, sliceKey, issues),
  );
  checkFixedCosts(scenario, issues);
  checkEvaluations(scenario, models, new Set(sliceIds), issues);
  return issues;
}

/**
 * Validates a whole scenario document (parsed JSON) and fills in defaults.
 * Returns every problem found, never only the first; an invalid document yields no scenario at all.
 */
export function validateScenario(input: unknown): ValidationResult<Scenario> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '', message: 'a scenario must be a JSON object' }] };
  }
  // Ranges written in place of numbers move beside them; the fields keep the likely values.
  const lifted = liftRanges(input as Record<string, unknown>);
  // reportInput puts the offending value on each issue, so a wrong type reads "must be a number", not "is required".
  const parsed = scenarioSchema.safeParse(lifted.document, { reportInput: true });
  if (!parsed.success) {
    const rangePaths = new Set(lifted.issues.map((issue) => issue.path));
    const fieldIssues = [
      ...lifted.issues,
      ...fromZodIssues(parsed.error.issues).filter((issue) => !rangePaths.has(issue.path)),
    ];
    return { ok: false, issues: [...fieldIssues, ...checkReferencesOfInvalidDocument(input, fieldIssues)] };
  }
  const issues = [...lifted.issues, ...checkScenarioReferences(parsed.data), ...checkRanges(parsed.data)];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

/**
 * The cross-field checks on a document whose fields are not all valid, so that one report lists both kinds of
 * problem. Models and slices count by their ids (an invalid price does not make a model unknown); strategies
 * and pools that are themselves invalid are left to their field issues. Issues at paths already reported are
 * dropped.
 */
function checkReferencesOfInvalidDocument(
  input: object,
  fieldIssues: readonly ValidationIssue[],
): ValidationIssue[] {
  const doc = input as Record<string, unknown>;
  const list = (key: string): unknown[] => (Array.isArray(doc[key]) ? (doc[key] as unknown[]) : []);
  const idOf = (item: unknown): string | null =>
    typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
      ? (item as { id: string }).id
      : null;
  const catalog = list('catalog').flatMap((item): Model[] => {
    const id = idOf(item);
    if (id === null) return [];
    const kind =
      (item as { pricing?: { kind?: unknown } }).pricing?.kind === 'capacity' ? 'capacity' : 'per-token';
    return [{ id, pricing: { kind } } as Model];
  });
  const traffic = list('traffic').flatMap((item) => {
    const id = idOf(item);
    return id === null ? [] : [{ id } as Scenario['traffic'][number]];
  });
  const strategies = list('strategies').flatMap((item) => {
    const parsed = strategySchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  const credits = list('credits').flatMap((item) => {
    const parsed = creditPoolSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  const fixedCosts = list('fixedCosts').flatMap((item) => {
    const parsed = fixedCostSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  const evaluations = list('evaluations').flatMap((item) => {
    const parsed = evaluationSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  // Only whole lists keep their indexes right in paths; a list with a dropped item is not checked.
  const strategiesWhole = strategies.length === list('strategies').length;
  const creditsWhole = credits.length === list('credits').length;
  const loose = {
    catalog,
    traffic,
    strategies: strategiesWhole ? strategies : [],
    credits: creditsWhole ? credits : [],
    fixedCosts: fixedCosts.length === list('fixedCosts').length ? fixedCosts : [],
    evaluations: evaluations.length === list('evaluations').length ? evaluations : [],
  } as unknown as Scenario;
  const reported = new Set(fieldIssues.map((issue) => issue.path));
  return checkScenarioReferences(loose).filter(
    (issue) => ![...reported].some((path) => issue.path === path || issue.path.startsWith(`${path}.`)),
  );
}

const NO_ENTRIES: ReadonlySet<unknown> = new Set();

/** The lists of a scenario, each with the schema of one entry. */
const LIST_SCHEMAS = {
  catalog: modelSchema,
  traffic: sliceSchema,
  strategies: strategySchema,
  credits: creditPoolSchema,
  fixedCosts: fixedCostSchema,
  evaluations: evaluationSchema,
} as const;

type ListKey = keyof typeof LIST_SCHEMAS;

/** Entries out of their places looked up by scanning the previous list before a set of it is made instead. */
const SCANNED_LOOKUPS = 16;

/**
 * `validateScenario` for an edit of an already valid scenario (`previous`). Edits are immutable, so an entry of
 * a list (a model, a slice, a strategy, a pool, a fixed cost, an evaluation) that is the very same object as one
 * of `previous` is the same, already validated entry: it is kept as it is, not parsed again, and only the
 * entries the edit made are parsed. An edit of one slice of a 200-slice, 10,000-model scenario then parses one
 * slice, and the result keeps every other object of `previous` (a list whose entries are all kept is kept
 * itself, and so is any other field the edit left as it was), so what is derived per object (a row, a
 * cheapest-model search) is not redone. Cross-field checks (ids, routes, shares, ranges) always run on the
 * whole document. When the edit is refused, the issues are `validateScenario`'s, in its order.
 *
 * `validatedEntries` are list entries already parsed by their list's schema elsewhere and not changed since (the
 * models a worker read from an imported file): they are kept like `previous`'s own, so committing a 27,000-model
 * import does not parse every model a second time on the page. Entries the edit built from them are new objects,
 * and parsed.
 */
export function validateScenarioEdit(
  input: unknown,
  previous: Scenario | null,
  validatedEntries: ReadonlySet<unknown> = NO_ENTRIES,
): ValidationResult<Scenario> {
  if (
    (previous === null && validatedEntries.size === 0) ||
    typeof input !== 'object' ||
    input === null ||
    Array.isArray(input)
  ) {
    return validateScenario(input);
  }
  const document = input as Record<string, unknown>;
  const rest: Record<string, unknown> = { ...document };
  const lists: Partial<Record<ListKey, unknown[]>> = {};
  for (const key of Object.keys(LIST_SCHEMAS) as ListKey[]) {
    const items = document[key];
    if (!Array.isArray(items)) continue;
    rest[key] = [];
    const before: readonly unknown[] = previous?.[key] ?? [];
    // The same entries in the same order: the list itself is kept (so is what is derived from it).
    if (
      previous !== null &&
      (items === before || (items.length === before.length && items.every((item, i) => item === before[i])))
    ) {
      lists[key] = before as unknown[];
      continue;
    }
    // Most edits keep entries in their places: look an entry up among the previous ones only when it is
    // not in its place, by a scan while few are (an edit of one model in 10,000), else through a set.
    let known: Set<unknown> | null = null;
    let lookups = 0;
    const wasBefore = (item: unknown) =>
      ++lookups <= SCANNED_LOOKUPS ? before.includes(item) : (known ??= new Set(before)).has(item);
    const parsedItems: unknown[] = [];
    const replaced: number[] = [];
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      if (previous !== null && item !== before[index]) replaced.push(index);
      if (item === before[index] || validatedEntries.has(item) || wasBefore(item)) {
        parsedItems.push(item);
        continue;
      }
      const parsed = LIST_SCHEMAS[key].safeParse(item);
      if (!parsed.success) return validateScenario(input);
      parsedItems.push(parsed.data);
    }
    lists[key] = parsedItems;
    // An edit of a few models in their places: the catalog's index is the previous one with them swapped in,
    // and where they kept their billing, the strategies' checks hold as they were.
    if (key === 'catalog' && previous !== null && replaced.length <= SCANNED_LOOKUPS) {
      const catalog = parsedItems as Scenario['catalog'];
      if (
        indexEditedList(previous.catalog, catalog, replaced) &&
        replaced.every((at) => catalog[at]!.pricing.kind === previous.catalog[at]!.pricing.kind)
      )
        catalogShapes.set(indexById(catalog), catalogShapeOf(indexById(previous.catalog)));
    }
  }
  const parsed = scenarioSchema.safeParse(rest);
  if (!parsed.success) return validateScenario(input);
  // A field the edit did not touch (the very object `previous` holds: options, finance) keeps that object, as
  // a kept list entry does.
  const kept: Partial<Record<keyof Scenario, unknown>> = {};
  if (previous !== null) {
    for (const key of Object.keys(parsed.data) as (keyof Scenario)[]) {
      if (!(key in lists) && document[key] === previous[key]) kept[key] = previous[key];
    }
  }
  const scenario = { ...parsed.data, ...kept, ...lists } as Scenario;
  const issues = [...checkScenarioReferences(scenario), ...checkRanges(scenario)];
  return issues.length > 0 ? validateScenario(input) : { ok: true, value: scenario };
}

/**
 * A scenario validated elsewhere (in a worker), as it arrives here: a structured-clone copy. Its catalog,
 * slices, pools, fixed costs and evaluations are plain data the copy keeps exactly, so they are taken as
 * validated; its strategies are parsed again, since their id records (null-prototype objects, so that an id such
 * as `constructor` is never read from a prototype) arrive as ordinary objects; the cross-field checks run again
 * on the whole. A few milliseconds for 27,000 models, where validating it all again takes seconds.
 */
export function validateScenarioCopy(copy: Scenario): ValidationResult<Scenario> {
  const { catalog, traffic, credits, fixedCosts, evaluations } = copy;
  const validated = new Set<unknown>([...catalog, ...traffic, ...credits, ...fixedCosts, ...evaluations]);
  return validateScenarioEdit(copy, null, validated);
}
