import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { json } from './test-utils';

const TEXT = 'The council approved a tram line. Construction starts in spring. Critics say it costs too much.';
const SUMMARY = {
  id: '11111111-2222-3333-4444-555555555555',
  summary: 'A tram line was approved. It may cost too much.',
  sentences: [
    { text: 'A tram line was approved.', citations: [{ document: 0, start: 0, end: 33 }] },
    { text: 'It may cost too much.', citations: [{ document: 0, start: 64, end: 95 }] },
    { text: 'It opens in 2030.', citations: [] },
  ],
  mode: 'auto',
  strategy: 'single',
  notices: [],
};

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

async function submit(text = TEXT) {
  const user = userEvent.setup();
  render(<App />);
  await user.type(screen.getByLabelText('Text to summarise'), text);
  await user.click(screen.getByRole('button', { name: 'Summarise' }));
  return user;
}

describe('Summarise', () => {
  it('renders the form with labelled controls and an empty state', () => {
    render(<App />);
    expect(screen.getByRole('tab', { name: 'Summarise' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByLabelText('Text to summarise')).toBeInTheDocument();
    expect(screen.getByLabelText('Length')).toHaveValue('auto');
    expect(screen.getByLabelText('Method')).toHaveValue('auto');
    expect(screen.getByText(/Your summary will appear here/)).toBeInTheDocument();
  });

  it('asks for text instead of sending an empty request', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Summarise' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Paste some text first');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends text, length and mode to the public endpoint and shows the summary', async () => {
    fetchMock.mockResolvedValueOnce(json(200, SUMMARY));
    const user = userEvent.setup();
    render(<App />);
    await user.type(screen.getByLabelText('Text to summarise'), TEXT);
    await user.selectOptions(screen.getByLabelText('Length'), 'short');
    await user.selectOptions(screen.getByLabelText('Method'), 'map-reduce');
    await user.click(screen.getByRole('button', { name: 'Summarise' }));

    expect(await screen.findByRole('button', { name: 'A tram line was approved.' })).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toMatch(/\/api\/v1\/public\/summaries$/);
    expect(JSON.parse(init.body)).toEqual({ documents: [{ text: TEXT }], length: 'short', mode: 'map-reduce' });
    expect(screen.getByText(/1 sentence has no source/)).toBeInTheDocument();
  });

  it('highlights the cited passage when a sentence is selected', async () => {
    fetchMock.mockResolvedValueOnce(json(200, SUMMARY));
    const user = await submit();
    const source = await screen.findByTestId('source-0');
    expect(source.querySelector('mark')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'It may cost too much.' }));
    expect(screen.getByRole('button', { name: 'It may cost too much.' })).toHaveAttribute('aria-pressed', 'true');
    const marks = source.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]).toHaveTextContent('Critics say it costs too much.');

    // Keyboard: the sentences are buttons, Enter selects.
    screen.getByRole('button', { name: 'A tram line was approved.' }).focus();
    await user.keyboard('{Enter}');
    expect(source.querySelector('mark')).toHaveTextContent('The council approved a tram line.');

    await user.click(screen.getByRole('button', { name: /It opens in 2030/ }));
    expect(source.querySelector('mark')).toBeNull();
    expect(screen.getByText('This sentence is not supported by a passage of your text.')).toBeInTheDocument();
  });

  it('sends a thumb up to the public feedback endpoint', async () => {
    fetchMock.mockResolvedValueOnce(json(200, SUMMARY)).mockResolvedValueOnce(json(201, { id: 1 }));
    const user = await submit();
    await user.click(await screen.findByRole('button', { name: /Yes/ }));
    expect(await screen.findByText('Thank you for your feedback.')).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[1];
    expect(url).toMatch(/\/api\/v1\/public\/feedback$/);
    expect(JSON.parse(init.body)).toEqual({ summaryId: SUMMARY.id, thumb: 'up' });
    expect(screen.getByRole('button', { name: /Yes/ })).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows a 429 politely with the wait from Retry-After', async () => {
    fetchMock.mockResolvedValueOnce(json(429, { status: 429, detail: 'Too many requests' }, { 'Retry-After': '42' }));
    await submit();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Please slow down');
    expect(alert).toHaveTextContent('Please wait 42 seconds and try again.');
  });

  it('explains a 413 with the server detail and what to do', async () => {
    fetchMock.mockResolvedValueOnce(json(413, { status: 413, detail: 'The text has 25000 characters; the public site takes up to 20000.' }));
    await submit();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The text is too long');
    expect(alert).toHaveTextContent('25000 characters');
    expect(alert).toHaveTextContent('split it');
  });

  it('shows the detail of a 400', async () => {
    fetchMock.mockResolvedValueOnce(json(400, { status: 400, detail: "'length' must be \"auto\", \"short\", \"medium\" or \"long\"." }));
    await submit();
    expect(await screen.findByRole('alert')).toHaveTextContent("'length' must be");
  });

  it('says the server cannot be reached when the network fails', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await submit();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server cannot be reached');
    expect(alert).toHaveTextContent('Check your internet connection');
    expect(screen.getByRole('button', { name: 'Summarise' })).toBeEnabled();
  });

  it('tells a CORS refusal apart from a server that is down', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(new Response(null, { status: 200 }));
    await submit();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server refused this site');
    expect(fetchMock.mock.calls[1][1]).toMatchObject({ mode: 'no-cors' });
  });
});

describe('Tabs', () => {
  it('switches to Research with the arrow keys and keeps the summary when switching back', async () => {
    fetchMock.mockResolvedValueOnce(json(200, SUMMARY));
    const user = await submit();
    await screen.findByRole('button', { name: 'A tram line was approved.' });
    screen.getByRole('tab', { name: 'Summarise' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Research' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Research' })).toHaveFocus();
    const panel = screen.getByRole('tabpanel', { name: 'Research' });
    expect(within(panel).getByLabelText('Question')).toBeEnabled();
    expect(within(panel).getByRole('button', { name: 'Start research' })).toBeEnabled();
    await user.keyboard('{Home}');
    expect(screen.getByRole('button', { name: 'A tram line was approved.' })).toBeVisible();
  });
});
