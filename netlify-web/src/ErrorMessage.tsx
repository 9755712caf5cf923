import { ApiError } from './api';

const TITLES: Record<string, string> = {
  network: 'The server cannot be reached',
  cors: 'The server refused this site',
  'rate-limited': 'Please slow down',
  'too-large': 'The text is too long',
  'bad-request': 'The request needs a change',
  'not-found': 'Not found',
  unavailable: 'Not available',
  server: 'Something went wrong on the server',
};

export function ErrorMessage({ error }: { error: unknown }) {
  const e = error instanceof ApiError ? error : new ApiError('server', 'Something unexpected happened. Please try again.');
  return (
    <div role="alert" className={`message error error-${e.kind}`}>
      <strong>{TITLES[e.kind] ?? 'Error'}</strong>
      <p>{e.message}</p>
    </div>
  );
}
