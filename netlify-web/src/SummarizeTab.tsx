import { useState, type FormEvent } from 'react';
import { summarize, type Length, type Mode, type Summary } from './api';
import { ErrorMessage } from './ErrorMessage';
import { SummaryView } from './SummaryView';

export const MAX_CHARS = 20000;

export function SummarizeTab() {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [length, setLength] = useState<Length>('auto');
  const [mode, setMode] = useState<Mode>('auto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ summary: Summary; source: string } | null>(null);
  const [hint, setHint] = useState('');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setHint('Paste some text first: an article, a report or notes.');
      return;
    }
    setHint('');
    setBusy(true);
    setError(null);
    try {
      const source = text;
      const summary = await summarize([{ title: title.trim() || undefined, text: source }], length, mode);
      setResult({ summary, source });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const over = text.length > MAX_CHARS;
  return (
    <div className="summarise">
      <form onSubmit={onSubmit} aria-busy={busy} noValidate>
        <label htmlFor="doc-title">Title (optional)</label>
        <input id="doc-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />

        <label htmlFor="doc-text">Text to summarise</label>
        <textarea
          id="doc-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={12}
          aria-describedby="doc-text-count doc-text-hint"
          aria-invalid={over || Boolean(hint)}
        />
        <p id="doc-text-count" className={over ? 'count over' : 'count'}>
          {text.length.toLocaleString('en')} / {MAX_CHARS.toLocaleString('en')} characters
          {over ? ': too long for the public site, shorten it or split it.' : ''}
        </p>
        <p id="doc-text-hint" className="hint" role={hint ? 'alert' : undefined}>
          {hint}
        </p>

        <div className="options">
          <div>
            <label htmlFor="length">Length</label>
            <select id="length" value={length} onChange={(e) => setLength(e.target.value as Length)}>
              <option value="auto">Automatic</option>
              <option value="short">Short</option>
              <option value="medium">Medium</option>
              <option value="long">Long</option>
            </select>
          </div>
          <div>
            <label htmlFor="mode">Method</label>
            <select id="mode" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
              <option value="auto">Automatic</option>
              <option value="single">Single pass</option>
              <option value="map-reduce">Map-reduce (long texts)</option>
              <option value="refine">Refine</option>
            </select>
          </div>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Summarising…' : 'Summarise'}
        </button>
      </form>

      <div aria-live="polite" className="status">
        {busy && <p className="message loading">Summarising your text. This usually takes a few seconds.</p>}
      </div>
      {error != null && !busy && <ErrorMessage error={error} />}
      {!result && !busy && error == null && (
        <p className="message empty">Your summary will appear here. Click a sentence of it to see where it comes from.</p>
      )}
      {result && <SummaryView key={result.summary.id} summary={result.summary} sources={[result.source]} />}
    </div>
  );
}
