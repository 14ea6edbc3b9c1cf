import { describe, expect, it } from 'vitest';
import {
  MAX_ISSUES_IN_TEXT,
  MAX_RETURNED_ISSUES,
  readCatalogSource,
  readCatalogText,
  readScenarioFile,
  reportIssues,
} from '../../../src/io/file-import';
import { MAX_IMPORT_BYTES } from '../../../src/io/json-text';
import { serializeModelCompact, serializeScenario } from '../../../src/io/scenario-file';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { makeSmallScenario } from '../../factories/small-scenario';

const CSV = 'id,name,provider,platform,inputPerMTok,outputPerMTok\nm,M,P,bedrock,1,2\n';

describe('reportIssues', () => {
  it('returns the first 1,000 problems, their count, and every one as a line of text', () => {
    const issues = Array.from({ length: 2500 }, (_, i) => ({
      path: `catalog[${i}]`,
      message: 'must be an object',
    }));
    const report = reportIssues(issues);
    expect(report.issues).toHaveLength(MAX_RETURNED_ISSUES);
    expect(report.issueCount).toBe(2500);
    const lines = report.issuesText.trimEnd().split('\n');
    expect(lines).toHaveLength(2500);
    expect(lines[2499]).toBe('catalog[2499]: must be an object');
  });

  it('stops the text at 100,000 problems, counting the rest in a last line', () => {
    const issues = Array.from({ length: MAX_ISSUES_IN_TEXT + 7 }, () => ({ path: '', message: 'x' }));
    const lines = reportIssues(issues).issuesText.trimEnd().split('\n');
    expect(lines).toHaveLength(MAX_ISSUES_IN_TEXT + 1);
    expect(lines.at(-1)).toBe('…and 7 more problems, not listed');
  });
});

describe('reading files', () => {
  it('refuses a file over 20 MB by its size, without reading it', async () => {
    const huge = {
      size: MAX_IMPORT_BYTES + 1,
      text: () => Promise.reject(new Error('read')),
    } as unknown as Blob;
    const read = await readScenarioFile(huge);
    expect(read).toMatchObject({ ok: false, issueCount: 1 });
    expect(!read.ok && read.issues[0]?.message).toBe(
      'the file is 20.0 MB; the most this planner reads is 20 MB',
    );
  });

  it('reads a scenario file with each model’s saved text', async () => {
    const scenario = validateScenario(makeSmallScenario());
    if (!scenario.ok) throw new Error('invalid factory scenario');
    const read = await readScenarioFile(new Blob([serializeScenario(scenario.value)]));
    if (!read.ok) throw new Error(read.issuesText);
    expect(read.value).toEqual(scenario.value);
    expect(read.modelTexts).toEqual(scenario.value.catalog.map(serializeModelCompact));
  });

  it('labels models without a source with where they came from, and writes each one’s saved text', async () => {
    const read = await readCatalogSource(new Blob([CSV]), {
      fileName: 'prices.csv',
      importedAt: '2027-03-05',
      origin: 'prices.csv',
    });
    if (!read.ok) throw new Error(read.issuesText);
    expect(read.models[0]?.source).toEqual({ label: 'Imported from prices.csv', asOf: '2027-03-05' });
    expect(read.modelTexts).toEqual([serializeModelCompact(read.models[0]!)]);
  });

  it('refuses an origin too long for a source label, as the scenario would', () => {
    const origin = `https://example.com/${'a'.repeat(1000)}.csv`;
    const read = readCatalogText(CSV, { importedAt: '2027-03-05', origin });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.issues[0]).toEqual({
      path: 'source.label',
      message: 'must be at most 1,000 characters',
    });
  });
});
