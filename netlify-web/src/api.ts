/** The public API of a Precis server (/api/v1/public/**), as the static site uses it. */

export interface Citation {
  document: number;
  start: number;
  end: number;
}
export interface Sentence {
  text: string;
  citations: Citation[];
}
export interface Summary {
  id: string;
  summary: string;
  sentences: Sentence[];
  mode?: string;
  strategy?: string;
  notices?: string[];
  model?: { id?: string; version?: string };
  timings?: { totalMs: number };
}
export interface DocumentInput {
  title?: string;
  text: string;
}
export type Length = 'auto' | 'short' | 'medium' | 'long';
export type Mode = 'auto' | 'single' | 'map-reduce' | 'refine';

export type ErrorKind = 'network' | 'cors' | 'rate-limited' | 'too-large' | 'bad-request' | 'not-found' | 'unavailable' | 'server';

export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The API's origin from VITE_API_URL at build time; empty means the site's own origin (a dev proxy). */
export function apiBase(): string {
  return (import.meta.env.VITE_API_URL ?? '').replace(/\/+$/, '');
}

function seconds(n: number): string {
  if (n < 90) return `${n} second${n === 1 ? '' : 's'}`;
  const minutes = Math.ceil(n / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

async function problemDetail(res: Response): Promise<string | undefined> {
  try {
    const body = await res.json();
    return typeof body?.detail === 'string' ? body.detail : undefined;
  } catch {
    return undefined;
  }
}

/**
 * fetch() fails the same way when the server is down and when it refuses this site's origin (CORS). A no-cors request
 * tells them apart: it succeeds (opaquely) when the server answers at all.
 */
async function diagnoseFailure(base: string): Promise<ApiError> {
  try {
    await fetch(`${base}/livez`, { mode: 'no-cors', cache: 'no-store' });
    return new ApiError(
      'cors',
      'The Precis server answered but refused requests from this site (CORS). The site operator must add this ' +
        "site's address to the server's allowed origins. Please try again later.",
    );
  } catch {
    return new ApiError(
      'network',
      'We could not reach the Precis server. Check your internet connection and try again in a minute; if it keeps ' +
        'happening, the service may be down.',
    );
  }
}

export function postJson<T>(path: string, body: unknown): Promise<T> {
  return request<T>(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

export function getJson<T>(path: string): Promise<T> {
  return request<T>(path, { method: 'GET', headers: { Accept: 'application/json' }, cache: 'no-store' });
}

async function request<T>(path: string, init: RequestInit): Promise<T> {
  const base = apiBase();
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, init);
  } catch {
    throw await diagnoseFailure(base);
  }
  if (res.ok) return (await res.json()) as T;
  const detail = await problemDetail(res);
  switch (res.status) {
    case 429: {
      const retry = Number.parseInt(res.headers.get('Retry-After') ?? '', 10);
      const wait = Number.isFinite(retry) && retry > 0 ? retry : undefined;
      throw new ApiError(
        'rate-limited',
        wait
          ? `You have sent a lot of requests in a short time. Please wait ${seconds(wait)} and try again.`
          : 'You have sent a lot of requests in a short time. Please wait a little and try again.',
        429,
        wait,
      );
    }
    case 413:
      throw new ApiError('too-large', `${detail ?? 'The text is too long.'} Shorten the text, or split it and summarise the parts one by one.`, 413);
    case 400:
      throw new ApiError('bad-request', detail ?? 'The request was not accepted. Check what you entered and the options, then try again.', 400);
    case 404:
      throw new ApiError('not-found', detail ?? 'Not found.', 404);
    case 401:
    case 403:
    case 405:
      throw new ApiError('unavailable', 'This server does not offer that to the public.', res.status);
    default:
      throw new ApiError(
        'server',
        `${detail ?? 'The server had a problem.'} (HTTP ${res.status}) Please try again in a minute.`,
        res.status,
      );
  }
}

export function summarize(documents: DocumentInput[], length: Length, mode: Mode): Promise<Summary> {
  return postJson<Summary>('/api/v1/public/summaries', { documents, length, mode });
}

export function sendFeedback(summaryId: string, thumb: 'up' | 'down'): Promise<unknown> {
  return postJson('/api/v1/public/feedback', { summaryId, thumb });
}

// ---- research ------------------------------------------------------------------------------------------------------

export type ResearchStatus = 'queued' | 'planning' | 'searching' | 'reading' | 'writing' | 'done' | 'failed' | 'cancelled';

export interface ReportSentence {
  text: string;
  /** The bibliography number, or 0 for an uncited sentence. */
  citation: number;
  passage?: string;
  support: number;
  supported: boolean;
}
export interface ReportEntry {
  n: number;
  sourceId?: string;
  title: string;
  url?: string | null;
  readAt?: string | null;
}
export interface Report {
  title: string;
  summary: ReportSentence[];
  sections: { question: string; sentences: ReportSentence[] }[];
  bibliography: ReportEntry[];
  citedSentences: number;
  unsupported: number;
  supportRatio: number;
}
export interface ResearchSource {
  id: number;
  round: number;
  url?: string | null;
  title?: string | null;
  status: string;
  reason?: string | null;
}
export interface ResearchJob {
  id: string;
  question: string;
  depth: number;
  breadth: number;
  status: ResearchStatus;
  progress: number;
  reason?: string | null;
  plan?: { round: number; subQuestions: string[] }[];
  sources?: ResearchSource[];
  log?: { id: number; at: string; message: string }[];
  report?: Report | null;
}

export const FINISHED: ResearchStatus[] = ['done', 'failed', 'cancelled'];

export function startResearch(question: string, depth: number, breadth: number): Promise<ResearchJob> {
  return postJson<ResearchJob>('/api/v1/public/research', { question, depth, breadth });
}

export function researchJob(id: string): Promise<ResearchJob> {
  return getJson<ResearchJob>(`/api/v1/public/research/${encodeURIComponent(id)}`);
}

export function sendResearchFeedback(id: string, thumb: 'up' | 'down'): Promise<unknown> {
  return postJson(`/api/v1/public/research/${encodeURIComponent(id)}/feedback`, { thumb });
}
