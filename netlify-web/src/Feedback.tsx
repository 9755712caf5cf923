import { useId, useState } from 'react';
import { ErrorMessage } from './ErrorMessage';

/** Thumbs up or down on a result; says thank you once sent, and what went wrong otherwise. */
export function Feedback({ question, send: post }: { question: string; send: (thumb: 'up' | 'down') => Promise<unknown> }) {
  const labelId = useId();
  const [sent, setSent] = useState<'up' | 'down' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function send(thumb: 'up' | 'down') {
    setBusy(true);
    setError(null);
    try {
      await post(thumb);
      setSent(thumb);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="feedback" role="group" aria-labelledby={labelId}>
      <span id={labelId}>{question}</span>
      <button type="button" aria-pressed={sent === 'up'} disabled={busy || sent != null} onClick={() => send('up')}>
        <span aria-hidden="true">👍</span> Yes
      </button>
      <button type="button" aria-pressed={sent === 'down'} disabled={busy || sent != null} onClick={() => send('down')}>
        <span aria-hidden="true">👎</span> No
      </button>
      <span aria-live="polite">{sent && 'Thank you for your feedback.'}</span>
      {error != null && <ErrorMessage error={error} />}
    </div>
  );
}
