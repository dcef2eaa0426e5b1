// Loads the islands' wasm once the page is idle and hydrates each island on the page. This is
// Leptos 0.8's island loader (MIT licence) as a file rather than inline in every page, so the
// browser caches it and each page's HTML is 0.8 KB (brotli) lighter. The script and wasm names
// (hashed by the build) come in this file's own address: islands.js?js=…&wasm=…
const names = new URL(import.meta.url).searchParams;
const children = [];

async function hydrateIsland(el, id, mod) {
  const island = mod[id];
  if (!island) {
    console.warn(`Could not find the wasm function for the island ${id}.`);
    return;
  }
  const onHydrate = children[children.length - 1];
  if (onHydrate) onHydrate();
  const result = island(el);
  if (result && result.then) await result;
}

async function traverse(node, mod) {
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const tag = node.tagName.toLowerCase();
  if (tag === 'leptos-island') {
    await hydrateIsland(node, node.dataset.component || null, mod);
    for (const child of node.children) await traverse(child, mod);
  } else if (tag === 'leptos-children') {
    children.push(node.$$on_hydrate);
    for (const child of node.children) await traverse(child, mod);
    children.pop();
  } else {
    for (const child of node.children) await traverse(child, mod);
  }
}

function whenIdle(callback) {
  if ('requestIdleCallback' in window) window.requestIdleCallback(callback);
  else callback();
}

whenIdle(async () => {
  const mod = await import(`/pkg/${names.get('js')}.js`);
  await mod.default({ module_or_path: `/pkg/${names.get('wasm')}.wasm` });
  mod.hydrate();
  await traverse(document.body, mod);
  window.__hydrateIsland = (el, id) => hydrateIsland(el, id, mod);
});
