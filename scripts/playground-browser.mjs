// Opens the built playground (docs/api/playground/index.html, from `npm run docs`) from the
// file system in a real Chromium, with every network request refused, and checks what a
// reader sees: the first example settles; a new price gives the new split (computed here by
// hand); the language changes explain's amounts to R$; a refused document shows each error
// at its path, pointing at its line. Screenshots go to reports/ (a CI artifact).
//
//   node scripts/playground-browser.mjs      (CHROMIUM=/path/to/chromium to pick another)
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const PAGE = join(ROOT, 'docs', 'api', 'playground', 'index.html');
const REPORTS = join(ROOT, 'reports');

if (!existsSync(PAGE)) {
  console.error(`${PAGE} is missing: run npm run docs first`);
  process.exit(2);
}
mkdirSync(REPORTS, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  // CI runs as root in a container, where Chromium's sandbox cannot start.
  args: ['--no-sandbox'],
});
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  // No server: any request that is not a file of the site fails the check.
  await page.route(/^(?!file:)/, (route) => {
    problems.push(`network request: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(pathToFileURL(PAGE).href);

  const amountOf = (role) =>
    page.locator(`#lines tbody tr[data-role="${role}"] td.num`).textContent();
  const status = () => page.locator('#status').textContent();

  // The first example: specification §8's document, as specification §8 splits it.
  assert.match(await status(), /^Settled: 4 lines/);
  assert.equal(await amountOf('main-creator'), '84.72 BRL');
  assert.equal(await page.locator('#price').inputValue(), '197.00');

  // A new price. By hand: P 297.00, F 20.50 -> N 276.50; affiliate 40 % = 110.60; base
  // 165.90; cocreator 20 % = 33.18; main creator 165.90 - 33.18 = 132.72.
  await page.locator('#price').fill('297.00');
  await page.locator('#price').dispatchEvent('input');
  assert.match(await status(), /^Settled: 4 lines/);
  assert.equal(await amountOf('platform'), '20.50 BRL');
  assert.equal(await amountOf('affiliate'), '110.60 BRL');
  assert.equal(await amountOf('cocreator'), '33.18 BRL');
  assert.equal(await amountOf('main-creator'), '132.72 BRL');
  assert.equal(await page.locator('#lines tfoot td.num').textContent(), '297.00 BRL');
  assert.match(await page.locator('#document').inputValue(), /"amount": "297.00"/);
  assert.equal(await page.locator('#bars .bar-row').count(), 4);
  // 13272 / 29700 = 44.686... % -> 44.68 % (hundredths, rounded down).
  const width = await page.locator('#bars [data-role="main-creator"] .bar').getAttribute('style');
  assert.equal(width, 'width: 44.68%');
  assert.match(
    await page.locator('#explain').textContent(),
    /main creator M = B - sum of cocreators\s+132\.72/,
  );

  // The reader's language.
  await page.locator('#locale').selectOption('pt-BR');
  assert.match(await status(), /^Liquidada/);
  assert.match(await page.locator('#explain').textContent(), /preço P\s+R\$ 297,00/);
  assert.equal(await amountOf('main-creator'), '132,72 BRL');
  await page.screenshot({ path: join(REPORTS, 'playground-settled.png'), fullPage: true });

  // A refused document: each error at its path, the line it points at marked.
  await page
    .locator('#example')
    .selectOption({ label: 'Refused: an amount with too many decimals' });
  assert.match(await status(), /^Recusada: 1 erro/);
  const error = page.locator('#errors li[data-code="amount_precision"]');
  assert.equal(await error.count(), 1);
  assert.equal(await error.locator('a').getAttribute('data-path'), 'sale.price.amount');
  assert.match(
    await error.textContent(),
    /sale\.price\.amount: um valor em USD tem no máximo 2 casas decimais/,
  );
  const marked = page.locator('#document-view .line.error');
  assert.equal(await marked.count(), 1);
  assert.match(await marked.textContent(), /"amount": "19\.999",?\s+← amount_precision/);
  const href = await error.locator('a').getAttribute('href');
  assert.equal(href, `#${await marked.getAttribute('id')}`);

  // Several errors, in English, each on its own line.
  await page.locator('#locale').selectOption('en');
  await page.locator('#example').selectOption({ label: 'Refused: every shape problem at once' });
  assert.match(await status(), /^Refused: 3 errors/);
  assert.equal(await page.locator('#document-view .line.error').count(), 3);
  await page.screenshot({ path: join(REPORTS, 'playground-refused.png'), fullPage: true });

  // Text that is not JSON.
  await page.locator('#document').fill('{"product": ');
  assert.match(await status(), /^Refused: 1 error/);
  assert.equal(await page.locator('#errors li[data-code="invalid_json"]').count(), 1);
} finally {
  await browser.close();
}
assert.deepEqual(problems, []);
console.log('playground: checked in Chromium; screenshots in reports/playground-*.png');
