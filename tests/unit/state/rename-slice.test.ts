/**
 * A slice's name and id: an id made from the name follows it (a new slice's "new-slice" becomes
 * "support-chat" as its name is typed), with the strategies' routes; an id chosen or imported stays.
 */
import { describe, expect, it } from 'vitest';
import { makeSliceId, makeUniqueId, slugify } from '../../../src/domain/ids';
import type { Scenario } from '../../../src/domain/scenario-schema';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { renameSlice } from '../../../src/state/scenario-edits';
import { makeNewSlice } from '../../../src/features/traffic/new-slice';

function load(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const model = {
  id: 'm',
  name: 'M',
  provider: 'P',
  platform: 'x',
  pricing: { kind: 'per-token', inputPerMTok: 1, outputPerMTok: 1 },
};
const slice = (id: string, name: string) => ({
  id,
  name,
  requestsPerMonth: 1,
  inputTokens: 1,
  outputTokens: 1,
});

const base = load({
  schemaVersion: 1,
  catalog: [model],
  traffic: [slice('chat', 'Chat'), slice('new-slice', 'New slice'), slice('bulk', 'Bulk classify / extract')],
  strategies: [
    { id: 'assign', name: 'Assign', kind: 'assign', routes: { chat: 'm', 'new-slice': 'm', bulk: 'm' } },
  ],
});

const routesOf = (scenario: Scenario) =>
  Object.keys((scenario.strategies[0] as { routes: Record<string, unknown> }).routes);

describe('slugify and makeSliceId', () => {
  it('make an id of a name’s letters and digits, dots kept for versions', () => {
    expect(slugify('Support chat (EU)', 'slice')).toBe('support-chat-eu');
    expect(slugify('Qwen3 0.6B', 'model')).toBe('qwen3-0.6b');
    expect(slugify('Café résumé', 'slice')).toBe('cafe-resume');
    expect(slugify(' — ', 'slice')).toBe('slice');
    expect(makeSliceId('Chat', ['chat', 'chat-2'])).toBe('chat-3');
    expect(makeUniqueId('a', new Set(['b']))).toBe('a');
  });

  it('give a new slice the id its name would make', () => {
    const first = makeNewSlice([]);
    const second = makeNewSlice([first.id]);
    expect(makeSliceId(first.name, [])).toBe(first.id);
    expect(makeSliceId(second.name, [first.id])).toBe(second.id);
  });
});

describe('renameSlice', () => {
  it('moves an id made from the name, letter by letter, and the routes with it', () => {
    // The name is typed over "New slice" one letter at a time: each step's id is the slug of its name.
    let scenario = base;
    for (const name of ['S', 'Su', 'Support', 'Support chat', 'Chat'])
      scenario = renameSlice(scenario, 1, name);
    // "chat" is taken by the first slice, so the second becomes "chat-2".
    expect(scenario.traffic.map((s) => s.id)).toEqual(['chat', 'chat-2', 'bulk']);
    expect(routesOf(scenario)).toEqual(['chat', 'chat-2', 'bulk']);
    expect(scenario.traffic[1]?.name).toBe('Chat');
  });

  it('keeps an id that was not made from the name', () => {
    // "bulk" is not the slug of "Bulk classify / extract": it was chosen, and stays.
    const scenario = renameSlice(base, 2, 'Bulk extraction');
    expect(scenario.traffic[2]).toMatchObject({ id: 'bulk', name: 'Bulk extraction' });
    expect(routesOf(scenario)).toEqual(['chat', 'new-slice', 'bulk']);
  });

  it('moves "chat" named "Chat" to "chat-eu" when renamed "Chat EU"', () => {
    const scenario = renameSlice(base, 0, 'Chat EU');
    expect(scenario.traffic[0]?.id).toBe('chat-eu');
    expect(routesOf(scenario)).toEqual(['chat-eu', 'new-slice', 'bulk']);
  });
});
