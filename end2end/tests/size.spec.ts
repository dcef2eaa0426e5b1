// The start page's size budget (QUALITY.md), checked on the built files as the server sends them
// (bytes on the wire, brotli), so that a change that makes the first page heavier fails here
// rather than on a carer's phone. Not a timing, so it is stable.
import http from 'node:http';
import { test, expect } from './fixtures';

/** The response body's length as sent to a browser that accepts brotli, still compressed. */
function sentBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': 'br' } }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode}`));
      let length = 0;
      response.on('data', (chunk: Buffer) => (length += chunk.length));
      response.on('end', () => resolve(length));
    }).on('error', reject);
  });
}

/**
 * The island script and wasm a page loads: named in the query of its loader, `/islands.js`,
 * which fetches them once the page is idle. None when the page has no island.
 */
function islandFiles(html: string) {
  const loader = html.match(/"(\/islands\.js\?[^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
  if (!loader) return { js: [] as string[], wasm: [] as string[] };
  const names = new URL(loader, 'http://portal').searchParams;
  return { js: ['/islands.js', `/pkg/${names.get('js')}.js`], wasm: [`/pkg/${names.get('wasm')}.wasm`] };
}

/** The page's HTML, and the stylesheets, scripts and wasm it loads, in bytes as sent. */
async function pageWeight(base: string, path: string) {
  const html = await (await fetch(base + path)).text();
  const css = [...new Set([...html.matchAll(/href="(\/pkg\/[^"]+\.css)"/g)].map((m) => m[1]))];
  const islands = islandFiles(html);
  const sum = async (urls: string[]) => (await Promise.all(urls.map((u) => sentBytes(base + u)))).reduce((a, b) => a + b, 0);
  return { html: await sentBytes(base + path), css: await sum(css), js: await sum(islands.js), wasm: await sum(islands.wasm) };
}

test('the start page and the island wasm stay within their budgets', async ({ baseURL, jsEnabled }) => {
  test.skip(process.env.E2E_LABEL !== 'release', 'sizes are budgeted for the release build');
  test.skip(!jsEnabled, 'once is enough');
  const start = await pageWeight(baseURL!, '/');
  // The first round trip (14 KB) carries the whole usable start page: HTML and all its CSS.
  expect(start.html + start.css, `start page HTML ${start.html} + CSS ${start.css}`).toBeLessThanOrEqual(14 * 1024);
  // The start page has no island, so it loads no script or wasm at all.
  expect(start.js + start.wasm).toBe(0);
  // A page with islands loads the one wasm file, within 60 KB, and a whole page within 100 KB.
  const contact = await pageWeight(baseURL!, '/contact');
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
  const wasm = islandFiles(html).wasm[0];
  expect(css, 'a hashed stylesheet name').toBeTruthy();
  expect(wasm, 'a hashed wasm name').toMatch(/^\/pkg\/carer_portal\.[\w-]+\.wasm$/);
  for (const url of [css!, wasm]) {
    const response = await request.get(url, { headers: { 'Accept-Encoding': 'br' } });
    expect(response.headers()['content-encoding'], url).toBe('br');
    expect(response.headers()['cache-control'], url).toContain('max-age=31536000');
    expect(response.headers()['cache-control'], url).toContain('immutable');
  }
  const page = await request.get('/contact', { headers: { 'Accept-Encoding': 'br' } });
  expect(page.headers()['content-encoding']).toBe('br');
  expect(page.headers()['cache-control']).toBe('no-store');
});
