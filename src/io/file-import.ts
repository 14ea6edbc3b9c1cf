/**
 * Reading a file a person imports (a scenario, a catalog) from its bytes to a result small enough to hand back
 * from a worker: the validated document, or the problems, of which only the first `MAX_RETURNED_ISSUES` come
 * back as objects (a 20 MB file can hold millions), with their count and the whole list as one text.
 */
import { sourceSchema } from '../domain/scenario-schema';
import type { Scenario } from '../domain/scenario-schema';
import { formatIssue, fromZodIssues } from '../domain/validate-scenario';
import type { ValidationIssue } from '../domain/validate-scenario';
import { parseCatalogText } from './catalog-import';
import type { CatalogImportOptions, CatalogImportResult } from './catalog-import';
import { stampImportSource } from './catalog-diff';
import { MAX_IMPORT_BYTES } from './json-text';
import { parseScenarioText, serializeModelCompact } from './scenario-file';

/** The most problems returned one by one; the rest are counted, and written in the text. */
export const MAX_RETURNED_ISSUES = 1000;

/** The most problems written in the text of the whole list; past it, one last line counts the rest. */
export const MAX_ISSUES_IN_TEXT = 100_000;

/** A refusal: the first problems, how many there are in all, and the list as lines of text (for a download). */
export type IssueReport = {
  ok: false;
  issues: ValidationIssue[];
  issueCount: number;
  issuesText: string;
};

/** A scenario read: the scenario, with its models' texts as the browser's storage keeps them (`serializeModelCompact`). */
export type ScenarioRead = { ok: true; value: Scenario; modelTexts: string[] } | IssueReport;

/** A catalog read: the models, with their texts as the browser's storage keeps them (`serializeModelCompact`). */
export type CatalogRead =
  (Extract<CatalogImportResult, { ok: true }> & { modelTexts: string[] }) | IssueReport;

export type CatalogReadOptions = CatalogImportOptions & {
  /** Where the catalog came from (a file name, an address): the source label of models whose file has none. */
  origin: string;
};

const MEGABYTE = 1024 * 1024;

/** Every problem of a refusal, bounded for the trip back: see `IssueReport`. */
export function reportIssues(issues: readonly ValidationIssue[]): IssueReport {
  const listed = issues.slice(0, MAX_ISSUES_IN_TEXT).map(formatIssue);
  if (issues.length > MAX_ISSUES_IN_TEXT)
    listed.push(`…and ${issues.length - MAX_ISSUES_IN_TEXT} more problems, not listed`);
  return {
    ok: false,
    issues: issues.slice(0, MAX_RETURNED_ISSUES),
    issueCount: issues.length,
    issuesText: `${listed.join('\n')}\n`,
  };
}

/**
 * A file's text, or the refusal of a file over `MAX_IMPORT_BYTES` (its size told in MB), which is never read.
 * A file that cannot be read (removed since it was picked) is refused with the browser's reason.
 */
export async function readFileText(file: Blob): Promise<{ ok: true; text: string } | IssueReport> {
  if (file.size > MAX_IMPORT_BYTES) {
    return reportIssues([
      {
        path: '',
        message: `the file is ${(file.size / MEGABYTE).toFixed(1)} MB; the most this planner reads is ${MAX_IMPORT_BYTES / MEGABYTE} MB`,
      },
    ]);
  }
  try {
    return { ok: true, text: await file.text() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return reportIssues([{ path: '', message: `the file could not be read (${reason})` }]);
  }
}

/** A scenario file's text, parsed and validated (`parseScenarioText`), with its problems bounded. */
export function readScenarioText(text: string): ScenarioRead {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return reportIssues(parsed.issues);
  return { ok: true, value: parsed.value, modelTexts: parsed.value.catalog.map(serializeModelCompact) };
}

/**
 * A catalog's text, in any format `parseCatalogText` reads, its models labelled with `origin` where the file
 * gives no source; problems bounded. Every model that comes back has passed the model schema, its source label
 * included (an origin too long for a label is refused here, as the scenario would refuse it).
 */
export function readCatalogText(text: string, options: CatalogReadOptions): CatalogRead {
  const { origin, ...parseOptions } = options;
  const parsed = parseCatalogText(text, parseOptions);
  if (!parsed.ok) return reportIssues(parsed.issues);
  const models = stampImportSource(parsed.models, { origin, importedAt: options.importedAt });
  const stamped = models.find((model, index) => model !== parsed.models[index]);
  if (stamped?.source) {
    const checked = sourceSchema.safeParse(stamped.source, { reportInput: true });
    if (!checked.success)
      return reportIssues(
        fromZodIssues(checked.error.issues.map((issue) => ({ ...issue, path: ['source', ...issue.path] }))),
      );
  }
  return { ...parsed, models, modelTexts: models.map(serializeModelCompact) };
}

/** A scenario file, read and validated (`readScenarioText`). */
export async function readScenarioFile(file: Blob): Promise<ScenarioRead> {
  const read = await readFileText(file);
  return read.ok ? readScenarioText(read.text) : read;
}

/** A catalog from a picked file or from text already downloaded, read and validated (`readCatalogText`). */
export async function readCatalogSource(
  source: Blob | string,
  options: CatalogReadOptions,
): Promise<CatalogRead> {
  if (typeof source === 'string') return readCatalogText(source, options);
  const read = await readFileText(source);
  return read.ok ? readCatalogText(read.text, options) : read;
}
