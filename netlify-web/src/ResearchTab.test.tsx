import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResearchTab } from './ResearchTab';
import { json } from './test-utils';

const ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const QUESTION = 'What does a lighthouse keeper do?';
const queued = { id: ID, question: QUESTION, depth: 1, breadth: 2, status: 'queued', progress: 0 };
const searching = {
  ...queued,
  status: 'searching',
  progress: 40,
  plan: [{ round: 1, subQuestions: [QUESTION, 'How are lighthouses lit?'] }],
  sources: [{ id: 7, round: 1, title: 'Lighthouse keepers', status: 'library' }],
  log: [
    { id: 1, at: '2025-01-01T00:00:00Z', message: 'Queued.' },
    { id: 2, at: '2025-01-01T00:00:01Z', message: 'Planned 2 sub-questions.' },
  ],
};
const REPORT = {
  title: 'What does a lighthouse keeper do',
  summary: [
    { text: 'A keeper tends the lamp every night.', citation: 1, passage: 'A lighthouse keeper tends the lamp and the lens.', support: 0.9, supported: true },
  ],
  sections: [
    {
      question: QUESTION,
      sentences: [
        { text: 'Keepers logged the weather.', citation: 1, passage: 'Keepers logged the weather and the passing ships.', support: 0.8, supported: true },
        { text: 'Keepers were paid well.', citation: 2, passage: 'Most lighthouses were automated.', support: 0.1, supported: false },
      ],
    },
    { question: 'How are lighthouses lit?', sentences: [] },
  ],
  bibliography: [
    { n: 1, title: 'Lighthouse keepers', url: null },
    { n: 2, title: 'Lighthouse history', url: 'https://example.org/history' },
  ],
  citedSentences: 3,
  unsupported: 1,
  supportRatio: 0.67,
};
const done = { ...searching, status: 'done', progress: 100, report: REPORT };

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

async function start(question = QUESTION) {
  const user = userEvent.setup();
  render(<ResearchTab pollMs={5} />);
  await user.type(screen.getByLabelText('Question'), question);
  await user.click(screen.getByRole('button', { name: 'Start research' }));
  return user;
}

describe('Research', () => {
  it('asks for a question instead of sending an empty request', async () => {
    const user = userEvent.setup();
    render(<ResearchTab />);
    expect(screen.getByText(/Ask a question/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start research' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Write a question first');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('starts a quick job, shows live progress, then the report with citations that reveal their passage', async () => {
    fetchMock
      .mockResolvedValueOnce(json(202, queued))
      .mockResolvedValueOnce(json(200, searching))
      .mockResolvedValueOnce(json(200, done))
      .mockResolvedValueOnce(json(201, { id: 1, researchId: ID, thumb: 'up' }));
    const user = await start();

    const bar = await screen.findByRole('progressbar', { name: 'Research progress' });
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toMatch(/\/api\/v1\/public\/research$/);
    expect(JSON.parse(init.body)).toEqual({ question: QUESTION, depth: 1, breadth: 2 });

    const report = await screen.findByRole('article');
    expect(report).toHaveClass('report');
    expect(fetchMock.mock.calls[1][0]).toMatch(new RegExp(`/api/v1/public/research/${ID}$`));
    expect(fetchMock.mock.calls[1][1]).toMatchObject({ method: 'GET' });
    const progress = document.querySelector('.research-progress') as HTMLElement;
    expect(within(progress).getByText('How are lighthouses lit?')).toBeInTheDocument();
    expect(within(progress).getByText('Lighthouse keepers')).toBeInTheDocument();
    expect(within(progress).getByText('Planned 2 sub-questions.')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');

    expect(within(report).getByRole('heading', { name: REPORT.title })).toBeInTheDocument();
    expect(within(report).getByText('No source answered this.')).toBeInTheDocument();
    expect(within(report).getByText(/1 claim is only weakly supported/)).toBeInTheDocument();
    expect(within(report).getByText('Keepers were paid well.').closest('.claim')).toHaveClass('unsupported');
    expect(within(report).getByRole('link', { name: 'Lighthouse history' })).toHaveAttribute('href', 'https://example.org/history');

    const buttons = report.querySelectorAll('button.cite');
    expect(buttons).toHaveLength(3);
    expect(document.querySelector('.cited-passage')).toBeNull();
    await user.click(buttons[1] as HTMLElement);
    expect(buttons[1]).toHaveAttribute('aria-expanded', 'true');
    expect(document.querySelector('.cited-passage')).toHaveTextContent('Keepers logged the weather and the passing ships.');
    expect(document.querySelector('.cited-passage')).toHaveTextContent('[1] Lighthouse keepers');
    // Keyboard: the citations are buttons, Enter selects another.
    (buttons[2] as HTMLElement).focus();
    await user.keyboard('{Enter}');
    expect(document.querySelector('.cited-passage')).toHaveTextContent('Most lighthouses were automated.');
    expect(document.querySelector('.cited-passage')).toHaveTextContent('only weakly supports');

    await user.click(within(report).getByRole('button', { name: /Yes/ }));
    expect(await within(report).findByText('Thank you for your feedback.')).toBeInTheDocument();
    const [fbUrl, fbInit] = fetchMock.mock.calls[3];
    expect(fbUrl).toMatch(new RegExp(`/api/v1/public/research/${ID}/feedback$`));
    expect(JSON.parse(fbInit.body)).toEqual({ thumb: 'up' });
  });

  it('sends the standard scope as depth 2 and breadth 3', async () => {
    fetchMock.mockResolvedValueOnce(json(202, { ...queued, depth: 2, breadth: 3 })).mockResolvedValue(json(200, done));
    const user = userEvent.setup();
    render(<ResearchTab pollMs={5} />);
    await user.type(screen.getByLabelText('Question'), QUESTION);
    await user.click(screen.getByLabelText(/Standard/));
    await user.click(screen.getByRole('button', { name: 'Start research' }));
    await screen.findByRole('article');
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ question: QUESTION, depth: 2, breadth: 3 });
  });

  it('says so when the job fails, with its reason and what to do', async () => {
    fetchMock.mockResolvedValueOnce(json(202, queued)).mockResolvedValueOnce(json(200, { ...searching, status: 'failed', reason: 'Search timed out.' }));
    await start();
    const alert = await screen.findByText('The research failed', { selector: 'strong' });
    expect(alert.parentElement).toHaveTextContent('Search timed out.');
    expect(alert.parentElement).toHaveTextContent('Try again');
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.getByRole('button', { name: 'Start research' })).toBeEnabled();
  });

  it('says so when the job was cancelled', async () => {
    fetchMock.mockResolvedValueOnce(json(202, queued)).mockResolvedValueOnce(json(200, { ...queued, status: 'cancelled' }));
    await start();
    expect(await screen.findByText('The research was cancelled')).toBeInTheDocument();
  });

  it('shows a 429 on starting politely, with the wait', async () => {
    fetchMock.mockResolvedValueOnce(json(429, { status: 429, detail: 'Too many requests' }, { 'Retry-After': '120' }));
    await start();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveClass('error-rate-limited');
    expect(alert).toHaveTextContent('Please slow down');
    expect(alert).toHaveTextContent('Please wait 2 minutes and try again.');
  });

  it('shows the detail of a 400', async () => {
    fetchMock.mockResolvedValueOnce(json(400, { status: 400, detail: "'depth' must be between 1 and 2 on the public site, not 3." }));
    await start();
    expect(await screen.findByRole('alert')).toHaveTextContent("'depth' must be between 1 and 2");
  });

  it('says the server cannot be reached when it is down, and lets the user check again while following a job', async () => {
    fetchMock
      .mockResolvedValueOnce(json(202, queued))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(json(200, done));
    const user = await start();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server cannot be reached');
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    expect(await screen.findByRole('article')).toHaveClass('report');
  });

  it('waits and goes on when polling is rate limited', async () => {
    fetchMock
      .mockResolvedValueOnce(json(202, queued))
      .mockResolvedValueOnce(json(429, { status: 429 }, { 'Retry-After': '0' }))
      .mockResolvedValueOnce(json(200, done));
    await start();
    expect(await screen.findByRole('article')).toHaveClass('report');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
