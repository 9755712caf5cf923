import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, FINISHED, researchJob, startResearch, type ResearchJob } from './api';
import { ErrorMessage } from './ErrorMessage';
import { ReportView } from './ReportView';

export const MAX_QUESTION = 500;

/** Quick and Standard, as the public API's depth (rounds) and breadth (searches per round). */
const SCOPES = {
  quick: { depth: 1, breadth: 2, label: 'Quick (one round of searches, about a minute)' },
  standard: { depth: 2, breadth: 3, label: 'Standard (two rounds, a few minutes)' },
} as const;
type Scope = keyof typeof SCOPES;

const STATUS_TEXT: Record<string, string> = {
  queued: 'Waiting for a free researcher…',
  planning: 'Planning the sub-questions…',
  searching: 'Searching the library…',
  reading: 'Reading the sources…',
  writing: 'Writing the report…',
  done: 'Done.',
  failed: 'The research failed.',
  cancelled: 'The research was cancelled.',
};

/**
 * Research a question over the server's public Library: start a job, follow it by polling (the server gives polling a
 * rate-limit bucket of its own), and show the report with its citations.
 */
export function ResearchTab({ pollMs = 1000 }: { pollMs?: number }) {
  const [question, setQuestion] = useState('');
  const [scope, setScope] = useState<Scope>('quick');
  const [hint, setHint] = useState('');
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [job, setJob] = useState<ResearchJob | null>(null);
  const [pollError, setPollError] = useState<unknown>(null);
  const [waitNote, setWaitNote] = useState('');
  const [attempt, setAttempt] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const jobId = job?.id;
  const finished = job != null && FINISHED.includes(job.status);

  // Follow the job until it ends; a 429 while polling waits as long as the server asks, other errors stop and offer a retry.
  useEffect(() => {
    if (!jobId || finished) return;
    let live = true;
    const poll = async (delay: number) => {
      timer.current = setTimeout(async () => {
        try {
          const next = await researchJob(jobId);
          if (!live) return;
          setWaitNote('');
          setJob(next);
          if (!FINISHED.includes(next.status)) poll(pollMs);
        } catch (e) {
          if (!live) return;
          if (e instanceof ApiError && e.kind === 'rate-limited') {
            setWaitNote('The server asked us to check less often; the research goes on.');
            poll(e.retryAfterSeconds ? e.retryAfterSeconds * 1000 : pollMs * 5);
          } else {
            setPollError(e);
          }
        }
      }, delay);
    };
    poll(pollMs);
    return () => {
      live = false;
      clearTimeout(timer.current);
    };
  }, [jobId, finished, pollMs, attempt]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const q = question.trim();
    if (!q) {
      setHint('Write a question first, for example: What does a harbour authority do?');
      return;
    }
    if (q.length > MAX_QUESTION) {
      setHint(`The question is too long: the public site takes up to ${MAX_QUESTION} characters.`);
      return;
    }
    setHint('');
    setError(null);
    setPollError(null);
    setJob(null);
    setStarting(true);
    try {
      setJob(await startResearch(q, SCOPES[scope].depth, SCOPES[scope].breadth));
    } catch (err) {
      setError(err);
    } finally {
      setStarting(false);
    }
  }

  const running = starting || (job != null && !finished && pollError == null);
  return (
    <div className="research">
      <form onSubmit={onSubmit} aria-busy={running} noValidate>
        <label htmlFor="research-question">Question</label>
        <textarea
          id="research-question"
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          rows={3}
          aria-describedby="research-count research-hint"
          aria-invalid={Boolean(hint)}
        />
        <p id="research-count" className={question.length > MAX_QUESTION ? 'count over' : 'count'}>
          {question.length} / {MAX_QUESTION} characters
        </p>
        <p id="research-hint" className="hint" role={hint ? 'alert' : undefined}>
          {hint}
        </p>
        <fieldset className="scope">
          <legend>How thorough</legend>
          {(Object.keys(SCOPES) as Scope[]).map((s) => (
            <label key={s} className="choice">
              <input type="radio" name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} /> {SCOPES[s].label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={running}>
          {running ? 'Researching…' : 'Start research'}
        </button>
      </form>

      {starting && <p className="message loading">Starting the research…</p>}
      {error != null && <ErrorMessage error={error} />}
      {!job && !starting && error == null && (
        <p className="message empty">
          Ask a question: Precis searches its public library, reads what it finds and writes a report in which every sentence
          cites its source.
        </p>
      )}
      {job && <Progress job={job} />}
      {waitNote && <p className="message notice">{waitNote}</p>}
      {pollError != null && (
        <div>
          <ErrorMessage error={pollError} />
          <button type="button" onClick={() => (setPollError(null), setAttempt((a) => a + 1))}>
            Check again
          </button>
        </div>
      )}
      {job?.status === 'failed' && (
        <div role="alert" className="message error error-research-failed">
          <strong>The research failed</strong>
          <p>{job.reason ? `${job.reason} ` : ''}Try again in a few minutes, or ask the question in other words.</p>
        </div>
      )}
      {job?.status === 'cancelled' && (
        <div role="alert" className="message notice">
          <strong>The research was cancelled</strong>
          <p>Start it again if you still need the answer.</p>
        </div>
      )}
      {job?.status === 'done' && job.report && <ReportView id={job.id} report={job.report} />}
    </div>
  );
}

function Progress({ job }: { job: ResearchJob }) {
  const log = job.log ?? [];
  const sources = job.sources ?? [];
  const subQuestions = (job.plan ?? []).flatMap((r) => r.subQuestions.map((q) => ({ round: r.round, q })));
  return (
    <section className="research-progress" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress</h2>
      <p aria-live="polite" className="status-line">
        {STATUS_TEXT[job.status] ?? job.status}
      </p>
      <div
        className="bar"
        role="progressbar"
        aria-label="Research progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={job.progress}
        aria-valuetext={`${job.progress}%: ${job.status}`}
      >
        <div className="fill" style={{ width: `${job.progress}%` }} />
      </div>
      {subQuestions.length > 0 && (
        <>
          <h3>Plan</h3>
          <ol className="plan">
            {subQuestions.map((s, i) => (
              <li key={i}>
                {s.q} {s.round > 1 && <span className="round">(round {s.round})</span>}
              </li>
            ))}
          </ol>
        </>
      )}
      {sources.length > 0 && (
        <>
          <h3>Sources found ({sources.length})</h3>
          <ul className="found">
            {sources.map((s) => (
              <li key={s.id}>
                {s.title || s.url || 'Untitled'} <span className={`source-status ${s.status}`}>{s.status}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {log.length > 0 && (
        <details className="log">
          <summary>Log ({log.length})</summary>
          <ol>
            {log.slice(-8).map((l) => (
              <li key={l.id}>{l.message}</li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
