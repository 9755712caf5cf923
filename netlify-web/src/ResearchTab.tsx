import { useEffect, useState } from 'react';
import { researchAvailable } from './api';
import { ErrorMessage } from './ErrorMessage';

type State = { kind: 'checking' } | { kind: 'unavailable' } | { kind: 'available' } | { kind: 'error'; error: unknown };

/** Research needs /api/v1/public/research on the server; until a server offers it, the form stays disabled. */
export function ResearchTab() {
  const [state, setState] = useState<State>({ kind: 'checking' });

  useEffect(() => {
    let live = true;
    researchAvailable()
      .then((ok) => live && setState({ kind: ok ? 'available' : 'unavailable' }))
      .catch((error) => live && setState({ kind: 'error', error }));
    return () => {
      live = false;
    };
  }, []);

  return (
    <div className="research">
      <div aria-live="polite">
        {state.kind === 'checking' && <p className="message loading">Checking whether this server offers research…</p>}
        {state.kind === 'unavailable' && (
          <div className="message notice" role="status">
            <strong>Research is not available on this server yet.</strong>
            <p>Use the Summarise tab in the meantime: paste the texts you want to compare.</p>
          </div>
        )}
        {state.kind === 'available' && (
          <p className="message notice" role="status">
            This server offers research, but this version of the site cannot use it yet. Please check back soon.
          </p>
        )}
      </div>
      {state.kind === 'error' && <ErrorMessage error={state.error} />}
      <form aria-disabled="true" onSubmit={(e) => e.preventDefault()}>
        <fieldset disabled>
          <legend>Research a question</legend>
          <label htmlFor="question">Question</label>
          <input id="question" type="text" />
          <label htmlFor="depth">Depth</label>
          <select id="depth" defaultValue="standard">
            <option value="quick">Quick</option>
            <option value="standard">Standard</option>
            <option value="deep">Deep</option>
          </select>
          <button type="submit" className="primary">
            Start research
          </button>
        </fieldset>
      </form>
    </div>
  );
}
