import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SetAsideSaves } from '../../src/features/scenarios/set-aside-saves';
import { encodePersisted } from '../../src/state/persistence';
import type { UnreadableCopy } from '../../src/state/persistence';
import type * as Persistence from '../../src/state/persistence';
import { usePlannerStore } from '../../src/state/scenario-store';
import { validateScenario } from '../../src/domain/validate-scenario';
import { renderWithScenario } from '../factories/render-with-store';
import { makeSmallScenario } from '../factories/small-scenario';

const removed = vi.hoisted(() => ({ ids: [] as string[] }));
const downloads = vi.hoisted(() => ({ files: [] as { blob: Blob; fileName: string }[] }));

vi.mock('../../src/state/persistence', async (importOriginal) => {
  const actual = await importOriginal<typeof Persistence>();
  return {
    ...actual,
    deleteUnreadableCopy: (id: string) => {
      removed.ids.push(id);
      return Promise.resolve(usePlannerStore.getState().unreadableCopies.filter((copy) => copy.id !== id));
    },
  };
});
vi.mock('../../src/ui/download', () => ({
  downloadBlob: (blob: Blob, fileName: string) => downloads.files.push({ blob, fileName }),
}));

function readableCopyText(): string {
  const validated = validateScenario({ ...makeSmallScenario(), name: 'Recovered plan' });
  if (!validated.ok) throw new Error('fixture invalid');
  return encodePersisted({
    library: [{ id: 'scenario-1', scenario: validated.value }],
    activeId: 'scenario-1',
    ui: { theme: 'light', priceUnit: 'per-million' },
  });
}

const binary: UnreadableCopy = {
  id: 'copy-0',
  keptAt: '2026-11-30T09:15:00.000Z',
  reason: 'the saved data is binary (3 bytes), not text',
  value: new Uint8Array([0, 255, 10]),
};

function renderSection(copies: UnreadableCopy[]) {
  usePlannerStore.getState().setUnreadableCopies(copies);
  return renderWithScenario(<SetAsideSaves />, makeSmallScenario());
}

beforeEach(() => {
  removed.ids = [];
  downloads.files = [];
});

describe('set-aside saves on the Scenarios screen', () => {
  it('says when there is none', () => {
    renderSection([]);
    const section = screen.getByRole('region', { name: 'Set-aside saves' });
    expect(section).toHaveTextContent('None: everything saved in this browser could be read.');
    expect(within(section).queryByRole('list')).toBeNull();
  });

  it('lists each copy with its reason and downloads its exact bytes', async () => {
    renderSection([
      binary,
      { id: 'copy-1', keptAt: '', reason: 'the saved data is not valid JSON', value: '{oops' },
    ]);
    const items = within(screen.getByRole('list', { name: 'Set-aside saves' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('(binary, 3 bytes)the saved data is binary (3 bytes), not text');
    expect(items[1]).toHaveTextContent(
      'Kept by an earlier version (text, 5 characters)the saved data is not valid JSON',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Download set-aside save 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Download set-aside save 2' }));
    expect(downloads.files.map((file) => file.fileName)).toEqual([
      'set-aside-save-2026-11-30-09-15-00.bin',
      'set-aside-save-copy-1.json',
    ]);
    expect([...new Uint8Array(await downloads.files[0]!.blob.arrayBuffer())]).toEqual([0, 255, 10]);
    expect(await downloads.files[1]!.blob.text()).toBe('{oops');
  });

  it('opens what it can of a copy as new scenarios, and says why when it cannot', async () => {
    renderSection([
      binary,
      { id: 'copy-1', keptAt: '', reason: 'from a newer planner', value: readableCopyText() },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Try to open set-aside save 1' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This copy still cannot be read: the saved data is binary (3 bytes), not text. It stays kept.',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Try to open set-aside save 2' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Opened “Recovered plan” as a new scenario. The copy stays kept until you delete it.',
    );
    expect(usePlannerStore.getState().library.map((entry) => entry.scenario.name)).toEqual([
      'Small test scenario',
      'Recovered plan',
    ]);
    expect(
      within(screen.getByRole('list', { name: 'Set-aside saves' })).getAllByRole('listitem'),
    ).toHaveLength(2);
  });

  it('deletes a copy only after a second, explicit click', async () => {
    renderSection([binary]);
    await userEvent.click(screen.getByRole('button', { name: 'Delete set-aside save 1' }));
    expect(removed.ids).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete set-aside save 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete set-aside save 1 for good' }));
    expect(removed.ids).toEqual(['copy-0']);
    expect(await screen.findByText('None: everything saved in this browser could be read.')).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('The set-aside save was deleted.');
  });
});
