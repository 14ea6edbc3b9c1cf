import { Component, useEffect, useRef } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { serializeScenario } from '../io/scenario-file';
import { useScenario } from '../state/scenario-store';
import { downloadText, makeFileName } from '../ui/download';

/** The longest part of an error's message shown: the rest is in the browser's console. */
const MAX_SHOWN_MESSAGE_CHARS = 300;

/** An error's message in one short line. */
function describeFailure(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  if (message === '') return 'an unexpected error';
  return message.length > MAX_SHOWN_MESSAGE_CHARS ? `${message.slice(0, MAX_SHOWN_MESSAGE_CHARS)}…` : message;
}

type BoundaryProps = {
  /** The screen's name as its tab says it ("Optimise"). */
  label: string;
  children: ReactNode;
};

type BoundaryState = { error: unknown; failed: boolean };

/**
 * Keeps a screen that throws while rendering from taking the page down: the screen is replaced by what failed,
 * the scenario stays as it is (and saved), with a button to export it; the summary, the tabs and every other
 * screen keep working. The screen is tried again on "Try again" and on the next edit to the scenario. Give it
 * a `key` per screen, so another screen starts afresh.
 */
export class ScreenBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`The ${this.props.label} screen failed`, error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null, failed: false });

  override render() {
    if (!this.state.failed) return this.props.children;
    return <ScreenFailure label={this.props.label} error={this.state.error} onRetry={this.retry} />;
  }
}

function ScreenFailure({ label, error, onRetry }: { label: string; error: unknown; onRetry: () => void }) {
  const scenario = useScenario();
  const failedOn = useRef(scenario);
  // An edit may be what the screen needed: try it again with the new scenario.
  useEffect(() => {
    if (scenario !== failedOn.current) onRetry();
  }, [scenario, onRetry]);

  return (
    <div className="notice notice--error screen-failure" role="alert">
      <p>
        <strong>The {label} screen could not be shown</strong>: {describeFailure(error)}.
      </p>
      <p>
        Your scenario is unchanged and still saved, and the other screens work. Export it to keep a copy or to
        report the problem; an edit to the scenario tries this screen again.
      </p>
      <p className="screen-failure__actions">
        <button
          type="button"
          onClick={() =>
            downloadText(serializeScenario(scenario), makeFileName(scenario.name, '.scenario.json'))
          }
        >
          Export this scenario
        </button>
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </p>
    </div>
  );
}
