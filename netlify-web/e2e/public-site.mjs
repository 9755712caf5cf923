// End-to-end check of the built static site against a running Precis server, in headless Chromium through
// playwright-core (the system's Chromium; no browser download). Usage: node e2e/public-site.mjs SITE_URL OUT_DIR
// Prints one line per step; exits 1 (after a screenshot in OUT_DIR) at the first step that fails.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [site, out = 'target/e2e'] = process.argv.slice(2);
if (!site) {
  console.error('usage: node e2e/public-site.mjs SITE_URL [OUT_DIR]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const ARTICLE = `The city council approved the new harbour park on Tuesday after two years of debate. Construction of the
park, which includes a sea-water swimming pool and a cycle path, starts in March. The project costs 40 million euros,
most of it paid by a regional fund. Residents had asked for more green space near the old docks for many years. The
council expects the park to open in the summer of next year. Shop owners near the quay hope the park brings visitors.`;
const QUESTION = process.env.E2E_RESEARCH_QUESTION ?? '';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});
const page = await browser.newPage();
page.setDefaultTimeout(30_000);
const consoleErrors = [];
page.on('pageerror', (e) => consoleErrors.push(String(e)));

async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true }).catch(() => {});
    console.log(`FAIL ${name}: ${e.message.split('\n')[0]}`);
    await browser.close();
    process.exit(1);
  }
}

await step('summarise', async () => {
  await page.goto(site);
  await page.getByLabel('Text to summarise').fill(ARTICLE);
  await page.getByRole('button', { name: 'Summarise', exact: true }).click();
  const first = page.locator('.result .sentences button.sentence').first();
  await first.waitFor();
  await first.click();
  // The cited passage is highlighted in the source text.
  await page.locator('.sources mark').first().waitFor();
  const sentence = (await first.innerText()).trim();
  const marked = (await page.locator('.sources mark').first().innerText()).trim();
  if (!sentence.startsWith(marked.slice(0, 20))) throw new Error(`highlight "${marked}" does not match "${sentence}"`);
});

await step('feedback', async () => {
  await page.getByRole('button', { name: 'Yes' }).click();
  await page.getByText('Thank you for your feedback.').waitFor();
});

if (QUESTION) {
  await step('research', async () => {
    await page.getByRole('tab', { name: 'Research' }).click();
    // The Summarise panel stays in the page (hidden), with its own feedback: look inside the Research panel.
    const panel = page.getByRole('tabpanel', { name: 'Research' });
    await panel.getByLabel('Question').fill(QUESTION);
    await panel.getByRole('button', { name: 'Start research' }).click();
    await panel.locator('.research-progress').first().waitFor();
    const report = panel.locator('.report');
    await report.waitFor({ timeout: 90_000 });
    const cite = report.locator('button.cite').first();
    await cite.waitFor();
    await cite.click();
    const passage = (await panel.locator('.cited-passage blockquote').innerText()).trim();
    if (!passage) throw new Error('the cited passage is empty');
    await report.getByRole('button', { name: 'Yes' }).click();
    await report.getByText('Thank you for your feedback.').waitFor();
    await page.getByRole('tab', { name: 'Summarise' }).click();
  });
}

await step('rate-limited', async () => {
  // The server's small test bucket runs out: the site says so politely, with when to try again.
  const alert = page.locator('.error-rate-limited');
  for (let i = 0; i < 20 && !(await alert.isVisible()); i++) {
    await page.getByRole('button', { name: 'Summarise', exact: true }).click();
    await page.getByRole('button', { name: 'Summarise', exact: true }).waitFor();
    await Promise.race([alert.waitFor({ timeout: 15_000 }), page.locator('.result .sentences').waitFor()]).catch(() => {});
  }
  await alert.waitFor({ timeout: 5_000 });
  const text = await alert.innerText();
  if (!/Please slow down/.test(text) || !/try again/i.test(text)) throw new Error(`unexpected message: ${text}`);
});

await step('no page errors', async () => {
  if (consoleErrors.length) throw new Error(consoleErrors.join('; '));
});

await browser.close();
