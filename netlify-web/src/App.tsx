import { useRef, useState, type KeyboardEvent } from 'react';
import { SummarizeTab } from './SummarizeTab';
import { ResearchTab } from './ResearchTab';

const TABS = [
  { id: 'summarise', label: 'Summarise' },
  { id: 'research', label: 'Research' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function App() {
  const [tab, setTab] = useState<TabId>('summarise');
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});

  // WAI-ARIA tabs: arrow keys, Home and End move between tabs.
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const i = TABS.findIndex((t) => t.id === tab);
    let next = i;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    else return;
    e.preventDefault();
    setTab(TABS[next].id);
    refs.current[TABS[next].id]?.focus();
  }

  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="site-header">
        <h1>Precis</h1>
        <p className="tagline">Summaries with citations you can check.</p>
      </header>
      <main id="main">
        <div role="tablist" aria-label="What to do" className="tabs" onKeyDown={onKeyDown}>
          {TABS.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                refs.current[t.id] = el;
              }}
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <section role="tabpanel" id="panel-summarise" aria-labelledby="tab-summarise" hidden={tab !== 'summarise'}>
          <SummarizeTab />
        </section>
        <section role="tabpanel" id="panel-research" aria-labelledby="tab-research" hidden={tab !== 'research'}>
          <ResearchTab />
        </section>
      </main>
      <footer className="site-footer">
        <p>Texts you paste are sent to the Precis server to be summarised. Please do not paste confidential material.</p>
      </footer>
    </>
  );
}
