import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initialPlannerState, usePlannerStore } from '../../src/state/scenario-store';

// findBy… and waitFor wait for what the screen will show, however long a loaded machine takes (a hang guard, not a
// speed check): the tests assert what appears, never how fast.
configure({ asyncUtilTimeout: 60_000 });

// The charts measure their box with a ResizeObserver; jsdom has none, and lays nothing out.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

afterEach(() => {
  cleanup();
  usePlannerStore.setState(initialPlannerState, true);
});
