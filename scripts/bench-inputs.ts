/**
 * `npm run bench` (last part): the largest inputs the planner accepts, read on one thread. Scenario and catalog
 * files are read this way in the file-import worker, off the page's thread (the browser part of the bench measures
 * what the page itself holds while it imports them); a share link is read on the page. Each figure is how long
 * one task takes; 200 ms is the most a page should block.
 *
 * - a scenario file just under the 20 MB limit (a large catalog), parsed, scanned for keys written twice and
 *   validated (`readScenarioText`, as the worker does);
 * - a native catalog file just under 20 MB (`readCatalogText`, as the worker does);
 * - a hostile 13 KB share link that expands quadratically, refused once its text passes 20 MB
 *   (`readShareFragment`).
 */
import { performance } from 'node:perf_hooks';
import { readCatalogText, readScenarioText } from '../src/io/file-import';
import { readShareFragment } from '../src/io/share-link';
import { createLargestInputs } from '../tests/factories/largest-inputs';
import { buildQuadraticSharePayload } from '../tests/factories/share-link-bomb';

const RUNS = 3;
const BLOCK_BUDGET_MS = 200;

/** The median of `RUNS` timings of `work`. */
function time(work: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(RUNS / 2)]!;
}

/** One figure; `inWorker` when the app does this work off the page's thread, where the budget does not apply. */
function report(label: string, megabytes: number, ms: number, inWorker = false): void {
  const verdict = inWorker
    ? "in the file-import worker, off the page's thread"
    : ms > BLOCK_BUDGET_MS
      ? `over the ${BLOCK_BUDGET_MS} ms budget`
      : 'within budget';
  console.log(
    `  ${label.padEnd(44)} ${megabytes.toFixed(1).padStart(5)} MB  ${ms.toFixed(0).padStart(6)} ms  ${verdict}`,
  );
}

function main(): void {
  console.log(
    `\n(f) Largest accepted inputs, one thread, median of ${RUNS} runs (budget ${BLOCK_BUDGET_MS} ms)`,
  );
  const { scenarioText, catalogText } = createLargestInputs();
  const megabytes = (text: string) => Buffer.byteLength(text) / (1024 * 1024);
  report(
    'scenario file (parse, duplicate keys, validate)',
    megabytes(scenarioText),
    time(() => readScenarioText(scenarioText)),
    true,
  );
  const scenario = readScenarioText(scenarioText);
  if (!scenario.ok) throw new Error('the largest scenario did not read back');
  report(
    `native catalog (${scenario.value.catalog.length.toLocaleString('en-US')} models)`,
    megabytes(catalogText),
    time(() => readCatalogText(catalogText, { importedAt: '2027-01-01', origin: 'catalog.json' })),
    true,
  );
  const link = `#share=${buildQuadraticSharePayload(7000)}`;
  report(
    'hostile share link (13 KB, refused at 20 MB)',
    megabytes(link),
    time(() => readShareFragment(link)),
  );
}

main();
