import { useState } from 'react';
import { sendFeedback, type Citation, type Summary } from './api';
import { Feedback } from './Feedback';

/** Splits a document's text into plain and highlighted parts, for the citations of the selected sentence. */
function highlight(text: string, citations: Citation[]) {
  const spans = citations
    .map((c) => ({ start: Math.max(0, c.start), end: Math.min(text.length, c.end) }))
    .filter((c) => c.end > c.start)
    .sort((a, b) => a.start - b.start);
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const s of spans) {
    const start = Math.max(s.start, at);
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    if (s.end > start) parts.push({ text: text.slice(start, s.end), mark: true });
    at = Math.max(at, s.end);
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

export function SummaryView({ summary, sources }: { summary: Summary; sources: string[] }) {
  const [selected, setSelected] = useState<number | null>(null);
  const sentence = selected == null ? null : summary.sentences[selected];
  const unsupported = summary.sentences.filter((s) => s.citations.length === 0).length;

  return (
    <section className="result" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      {summary.notices?.map((n) => (
        <p key={n} className="message notice">
          {n}
        </p>
      ))}
      {unsupported > 0 && (
        <p className="message notice">
          {unsupported} sentence{unsupported === 1 ? ' has' : 's have'} no source in your text: check {unsupported === 1 ? 'it' : 'them'}{' '}
          before you rely on {unsupported === 1 ? 'it' : 'them'}.
        </p>
      )}
      <p className="help">Select a sentence to highlight its source passage below.</p>
      <ol className="sentences">
        {summary.sentences.map((s, i) => (
          <li key={i}>
            <button
              type="button"
              className={`sentence${s.citations.length === 0 ? ' unsupported' : ''}`}
              aria-pressed={selected === i}
              onClick={() => setSelected(selected === i ? null : i)}
            >
              {s.text}
              {s.citations.length === 0 && <span className="badge">no source</span>}
            </button>
          </li>
        ))}
      </ol>

      <h3 id="source-heading">Source</h3>
      <div className="sources" aria-labelledby="source-heading" aria-live="polite">
        {sentence && sentence.citations.length === 0 && (
          <p className="message notice">This sentence is not supported by a passage of your text.</p>
        )}
        {sources.map((text, d) => (
          <div key={d} className="source" data-testid={`source-${d}`}>
            {highlight(text, sentence ? sentence.citations.filter((c) => c.document === d) : []).map((p, k) =>
              p.mark ? <mark key={k}>{p.text}</mark> : <span key={k}>{p.text}</span>,
            )}
          </div>
        ))}
      </div>
      <Feedback question="Was this summary useful?" send={(thumb) => sendFeedback(summary.id, thumb)} />
    </section>
  );
}
