import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppHeader } from '../../src/app/app-header';
import { usePlannerStore } from '../../src/state/scenario-store';

/** A system set to dark (or light): `matchMedia('(prefers-color-scheme: dark)')` answers `dark`. */
function mockSystemScheme(dark: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: dark && query === '(prefers-color-scheme: dark)',
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the theme switch', () => {
  it('follows a dark system setting until the user picks, then remembers the pick', async () => {
    const user = userEvent.setup();
    mockSystemScheme(true);
    render(<AppHeader />);
    const dark = screen.getByRole('button', { name: 'Dark theme' });
    expect(usePlannerStore.getState().theme).toBe('system');
    expect(dark).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('button', { name: 'Follow system theme' })).not.toBeInTheDocument();
    await user.click(dark);
    expect(usePlannerStore.getState().theme).toBe('light');
    expect(dark).toHaveAttribute('aria-pressed', 'false');
    await user.click(screen.getByRole('button', { name: 'Follow system theme' }));
    expect(usePlannerStore.getState().theme).toBe('system');
    expect(dark).toHaveAttribute('aria-pressed', 'true');
  });

  it('follows a light system setting', () => {
    mockSystemScheme(false);
    render(<AppHeader />);
    expect(screen.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'false');
  });
});
