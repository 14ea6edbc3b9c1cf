import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { modelSchema } from '../../src/domain/scenario-schema';
import type { Model } from '../../src/domain/scenario-schema';
import { ModelSelect } from '../../src/ui/model-select';
import { makeLargeCatalog } from '../factories/large-catalog';

/** 10,000 models; every fifth (i ≡ 0 mod 5) is served from eu-west-3. */
const TEN_THOUSAND: Model[] = makeLargeCatalog(10_000).map((model, i) =>
  modelSchema.parse({ ...model, region: i % 5 === 0 ? 'eu-west-3' : null }),
);

function Picker({
  catalog,
  onCommit = () => null,
  noneLabel,
}: {
  catalog: readonly Model[];
  onCommit?: (modelId: string) => string | null;
  noneLabel?: string;
}) {
  const [value, setValue] = useState(catalog[0]?.id ?? '');
  return (
    <ModelSelect
      label="Model for Main traffic"
      value={value}
      catalog={catalog}
      {...(noneLabel === undefined ? {} : { noneLabel })}
      onCommit={(id) => {
        const refused = onCommit(id);
        if (refused === null) setValue(id);
        return refused;
      }}
    />
  );
}

describe('ModelSelect, the searchable model picker', () => {
  it('shows the chosen model closed, and opens on 10,000 models with only a window of options in the page', async () => {
    const user = userEvent.setup();
    render(<Picker catalog={TEN_THOUSAND} />);
    const picker = screen.getByRole('combobox', { name: 'Model for Main traffic' });
    expect(picker).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.click(picker);
    expect(picker).toHaveAttribute('aria-expanded', 'true');
    const listbox = screen.getByRole('listbox', { name: 'Model for Main traffic' });
    expect(picker).toHaveAttribute('aria-controls', listbox.id);
    const rendered = within(listbox).getAllByRole('option');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(30);
    expect(screen.getByText('10,000 of 10,000 models')).toBeInTheDocument();
  });

  it('searches name, platform and region, and a price bound', async () => {
    const user = userEvent.setup();
    render(<Picker catalog={TEN_THOUSAND} />);
    const picker = screen.getByRole('combobox', { name: 'Model for Main traffic' });
    await user.click(picker);
    // Names are "Synthetic model i": "model 9999" is one model.
    await user.type(picker, 'model 9999');
    expect(screen.getByText('1 of 10,000 models')).toBeInTheDocument();
    await user.clear(picker);
    // Platforms cycle over six (mistral is i ≡ 3 mod 6) and eu-west-3 is i ≡ 0 mod 5: both is i ≡ 15 (mod 30),
    // i = 15, 45, …, 9,975: (9,975 − 15) / 30 + 1 = 333 models.
    await user.type(picker, 'eu west mistral');
    expect(screen.getByText('333 of 10,000 models')).toBeInTheDocument();
    await user.clear(picker);
    // Input price 0.05 + ((37 i) mod 400) / 40 is below $0.10 only where 37 i ≡ 0 or 1 (mod 400): 25 + 25 = 50.
    await user.type(picker, '<0.1');
    expect(screen.getByText('50 of 10,000 models')).toBeInTheDocument();
    await user.clear(picker);
    await user.type(picker, 'nothing like this');
    expect(screen.getByText('No model matches “nothing like this”')).toBeInTheDocument();
  });

  it('is used from the keyboard: arrows move the active option, Enter picks, Escape closes', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn(() => null);
    render(<Picker catalog={TEN_THOUSAND.slice(0, 20)} onCommit={onCommit} />);
    const picker = screen.getByRole('combobox', { name: 'Model for Main traffic' });
    await user.tab();
    expect(picker).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(picker).toHaveAttribute('aria-expanded', 'true');
    // Opening makes the chosen model the active option; sorted by provider, "Provider 0" holds models 0 and 40…,
    // so model 0 is first.
    const activeId = () => picker.getAttribute('aria-activedescendant') ?? '';
    expect(document.getElementById(activeId())).toHaveAccessibleName(/^Synthetic model 0 /);
    expect(document.getElementById(activeId())).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    // Provider 1 holds model 1 (only 20 models: providers 0–19 once each).
    expect(document.getElementById(activeId())).toHaveAccessibleName(/^Synthetic model 1 /);
    await user.keyboard('{Escape}');
    expect(picker).toHaveAttribute('aria-expanded', 'false');
    expect(onCommit).not.toHaveBeenCalled();
    // Providers sort as text: Provider 0, Provider 1, Provider 10, … so the third option is model 10.
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');
    expect(onCommit).toHaveBeenCalledWith('synthetic:vertex_ai:model-10');
    // Quality 30 + (10 × 53 mod 65) = 30 + 10.
    expect(picker).toHaveValue('Synthetic model 10 (vertex_ai) · quality 40');
  });

  it('offers the none choice first while nothing is typed, and keeps a refused choice with its message', async () => {
    const user = userEvent.setup();
    render(
      <Picker
        catalog={TEN_THOUSAND.slice(0, 3)}
        noneLabel="No classifier"
        onCommit={(id) => (id === '' ? 'is required: the fallback needs it' : null)}
      />,
    );
    const picker = screen.getByRole('combobox', { name: 'Model for Main traffic' });
    await user.click(picker);
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options[0]).toHaveAccessibleName('No classifier');
    await user.click(options[0]!);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Model for Main traffic is required: the fallback needs it',
    );
    expect(picker).toHaveValue('No classifier');
    expect(picker).toHaveAttribute('aria-invalid', 'true');
  });
});
