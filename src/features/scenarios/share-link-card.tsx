import { useId, useState } from 'react';
import type { Scenario } from '../../domain/scenario-schema';
import { createShareLink } from '../../io/share-link';
import { useScenario } from '../../state/scenario-store';

/** Links longer than this are cut short by some email and chat tools (and were by older browsers' address bars). */
const LONG_LINK_CHARS = 2_000;

type ShareState =
  | { kind: 'idle' }
  | { kind: 'copied' | 'copy-by-hand'; url: string; scenario: Scenario }
  | { kind: 'too-large'; message: string; scenario: Scenario };

/** Copies a link that carries the open scenario; shows the link to copy by hand when the clipboard is closed. */
export function ShareLinkCard() {
  const scenario = useScenario();
  const [state, setState] = useState<ShareState>({ kind: 'idle' });
  const id = useId();
  // A link made before the last edit would share an older scenario: only show the current one's.
  const current = state.kind !== 'idle' && state.scenario === scenario ? state : null;

  async function copyLink() {
    const link = createShareLink(scenario, window.location.href);
    if (!link.ok) {
      setState({ kind: 'too-large', message: link.message, scenario });
      return;
    }
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link.url);
      setState({ kind: 'copied', url: link.url, scenario });
    } catch {
      setState({ kind: 'copy-by-hand', url: link.url, scenario });
    }
  }

  return (
    <section className="scenarios-section card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Share link</h2>
      <p className="muted scenarios-hint">
        The link carries the whole open scenario after the <code>#</code>, which browsers never send to a
        server. Whoever opens it gets it as a new scenario next to their own.
      </p>
      <div className="toolbar">
        <button type="button" className="button button--primary" onClick={() => void copyLink()}>
          Copy share link
        </button>
      </div>
      <div className="share-link__result">
        <p role="status" className="muted">
          {current?.kind === 'copied' && 'Link copied to the clipboard.'}
          {current?.kind === 'copy-by-hand' &&
            'The clipboard is not available here: select the link below and copy it.'}
        </p>
        {current?.kind === 'too-large' && (
          <p role="alert" className="scenarios-error">
            No link made: {current.message}.
          </p>
        )}
        {(current?.kind === 'copied' || current?.kind === 'copy-by-hand') && (
          <div className="field">
            <label htmlFor={`${id}-url`} className="field__label">
              Share link ({Math.ceil(current.url.length / 1000)}K characters)
            </label>
            <input
              id={`${id}-url`}
              className="input share-link__input"
              type="text"
              readOnly
              value={current.url}
              autoFocus={current.kind === 'copy-by-hand'}
              onFocus={(event) => event.currentTarget.select()}
            />
            {current.url.length > LONG_LINK_CHARS && (
              <p className="scenarios-hint" data-testid="share-link-long">
                A link this long can arrive cut short: some email and chat tools keep only the first 2,000 or
                so characters. If it does not open, send the scenario file instead (Export scenario (JSON),
                above).
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
