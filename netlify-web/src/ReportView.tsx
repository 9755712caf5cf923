import { useState } from 'react';
import { sendResearchFeedback, type Report, type ReportSentence } from './api';
import { Feedback } from './Feedback';

interface Cited {
  key: string;
  sentence: ReportSentence;
}

/** A finished report: numbered citations reveal the passage they rest on; weakly supported claims are marked. */
export function ReportView({ id, report }: { id: string; report: Report }) {
  const [cited, setCited] = useState<Cited | null>(null);
  const entry = cited ? report.bibliography.find((b) => b.n === cited.sentence.citation) : undefined;

  function sentences(list: ReportSentence[], part: string) {
    return list.map((s, i) => {
      const key = `${part}-${i}`;
      const open = cited?.key === key;
      return (
        <span key={key} className={`claim${s.citation > 0 && !s.supported ? ' unsupported' : ''}`}>
          {s.text}
          {s.citation > 0 ? (
            <button
              type="button"
              className="cite"
              aria-expanded={open}
              aria-controls="cited-passage"
              aria-label={`Source ${s.citation}: show the cited passage`}
              onClick={() => setCited(open ? null : { key, sentence: s })}
            >
              [{s.citation}]
            </button>
          ) : (
            <span className="badge">no source</span>
          )}
          {s.citation > 0 && !s.supported && <span className="badge">weak support</span>}{' '}
        </span>
      );
    });
  }

  return (
    <article className="report" aria-labelledby="report-title">
      <h2 id="report-title">{report.title}</h2>
      {report.unsupported > 0 && (
        <p className="message notice">
          {report.unsupported} claim{report.unsupported === 1 ? ' is' : 's are'} only weakly supported by the cited passage (marked{' '}
          <span className="badge">weak support</span>): check before you rely on {report.unsupported === 1 ? 'it' : 'them'}.
        </p>
      )}
      <p className="help">Select a number in brackets to see the passage it cites.</p>
      {report.summary.length > 0 && (
        <section aria-label="Summary">
          <h3>Summary</h3>
          <p>{sentences(report.summary, 'summary')}</p>
        </section>
      )}
      {report.sections.map((sec, i) => (
        <section key={i}>
          <h3>{sec.question}</h3>
          {sec.sentences.length > 0 ? <p>{sentences(sec.sentences, `s${i}`)}</p> : <p className="help">No source answered this.</p>}
        </section>
      ))}
      <div id="cited-passage" aria-live="polite">
        {cited && (
          <figure className="cited-passage">
            <blockquote>{cited.sentence.passage || 'The passage is not available.'}</blockquote>
            <figcaption>
              [{cited.sentence.citation}] {entry?.title}
              {!cited.sentence.supported && ' (this passage only weakly supports the claim)'}
            </figcaption>
          </figure>
        )}
      </div>
      <h3>Sources</h3>
      <ol className="bibliography">
        {report.bibliography.map((b) => (
          <li key={b.n} value={b.n}>
            {b.url && /^https?:\/\//.test(b.url) ? (
              <a href={b.url} rel="noopener noreferrer" target="_blank">
                {b.title}
              </a>
            ) : (
              b.title
            )}
          </li>
        ))}
      </ol>
      <Feedback question="Was this report useful?" send={(thumb) => sendResearchFeedback(id, thumb)} />
    </article>
  );
}
