// The start page's size budget (QUALITY.md), checked on the built files as served, so that a
// change that makes the first page heavier fails here rather than on a carer's phone. Sizes are
// brotli at quality 11, as the release assets are precompressed; not a timing, so it is stable.
import { brotliCompressSync, constants } from 'node:zlib';
import { APIRequestContext } from '@playwright/test';
import { test, expect } from './fixtures';

const brotli = (body: Buffer) =>
  brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function brotliSize(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.ok(), url).toBe(true);
  return brotli(await response.body());
}

/** The page's HTML, and the stylesheets, scripts and wasm it refers to, in brotli bytes. */
async function pageWeight(request: APIRequestContext, path: string) {
  const html = await (await request.get(path)).body();
  const refs = (pattern: RegExp) => [...new Set([...html.toString().matchAll(pattern)].map((m) => m[1]))];
  let css = 0, js = 0, wasm = 0;
  for (const url of refs(/href="(\/pkg\/[^"]+\.css)"/g)) css += await brotliSize(request, url);
  for (const url of refs(/"(\/pkg\/[^"]+\.js|\/islands\.js)[?"]/g)) js += await brotliSize(request, url);
  for (const url of refs(/"(\/pkg\/[^"]+\.wasm)"/g)) wasm += await brotliSize(request, url);
  return { html: brotli(html), css, js, wasm };
}

test('the start page and the island wasm stay within their budgets', async ({ request, jsEnabled }) => {
  test.skip(process.env.E2E_LABEL !== 'release', 'sizes are budgeted for the release build');
  test.skip(!jsEnabled, 'once is enough');
  const start = await pageWeight(request, '/');
  // The first round trip (14 KB) carries the whole usable start page: HTML and all its CSS.
  expect(start.html + start.css, `start page HTML ${start.html} + CSS ${start.css}`).toBeLessThanOrEqual(14 * 1024);
  // The start page has no island, so it loads no script or wasm at all.
  expect(start.js + start.wasm).toBe(0);
  // A page with islands loads the one wasm file, within 60 KB, and a whole page within 100 KB.
  const contact = await pageWeight(request, '/contact');
  expect(contact.wasm, 'island wasm').toBeGreaterThan(0);
  expect(contact.wasm, 'island wasm').toBeLessThanOrEqual(60 * 1024);
  const total = contact.html + contact.css + contact.js + contact.wasm;
  expect(total, 'contact page in all').toBeLessThanOrEqual(100 * 1024);
});

test('built files are served precompressed with a year-long cache, pages never cached', async ({ request, jsEnabled }) => {
  test.skip(process.env.E2E_LABEL !== 'release', 'the release build precompresses its files');
  test.skip(!jsEnabled, 'once is enough');
  const html = await (await request.get('/contact')).text();
  const css = html.match(/href="(\/pkg\/carer_portal\.[^"]+\.css)"/)?.[1];
  const wasm = html.match(/"(\/pkg\/carer_portal\.[^"]+\.wasm)"/)?.[1];
  expect(css, 'a hashed stylesheet name').toBeTruthy();
  expect(wasm, 'a hashed wasm name').toBeTruthy();
  for (const url of [css!, wasm!]) {
    const response = await request.get(url, { headers: { 'Accept-Encoding': 'br' } });
    expect(response.headers()['content-encoding'], url).toBe('br');
    expect(response.headers()['cache-control'], url).toContain('max-age=31536000');
    expect(response.headers()['cache-control'], url).toContain('immutable');
  }
  const page = await request.get('/contact', { headers: { 'Accept-Encoding': 'br' } });
  expect(page.headers()['content-encoding']).toBe('br');
  expect(page.headers()['cache-control']).toBe('no-store');
});
