/*
 * The site's search worker run in Node, outside a browser: every query of a file answered as the browser's
 * worker answers it, one JSON line each (the query, how many results, whether the one result is an offer, and
 * the first five: location, marked words, terms). For comparing two versions of the worker over all the
 * batteries in seconds (935 queries: about 8 s), before the browser tests judge it:
 *
 *   cut -f1 tests/data/search_queries*.tsv | grep -v '^#' | sort -u > /tmp/queries.txt
 *   node tests/search_in_node.js overrides/assets/javascripts/clause-search-worker.js site /tmp/queries.txt > new.jsonl
 *
 * `site` is a built site (its data/search-index.json and the readings the worker fetches). Not a test: the
 * browser tests (tests/browser/test_search*.py) are what decide.
 */
"use strict";
const fs = require("fs"), path = require("path");
const [workerPath, siteDir, queriesPath] = process.argv.slice(2);
if (!workerPath || !siteDir || !queriesPath) {
  console.error("usage: node tests/search_in_node.js <worker.js> <built site> <queries, one a line>");
  process.exit(2);
}
const handlers = [], posted = [];
globalThis.self = {
  location: { href: "http://site.invalid/assets/javascripts/clause-search-worker.js" },
  addEventListener: (type, handler) => handlers.push(handler),
  postMessage: (message) => posted.push(message),
};
globalThis.fetch = (url) => {
  const file = path.join(siteDir, new URL(url).pathname);
  return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(JSON.parse(fs.readFileSync(file, "utf8"))) });
};
(0, eval)(fs.readFileSync(workerPath, "utf8"));
const queries = fs.readFileSync(queriesPath, "utf8").split("\n").filter(Boolean);
(async () => {
  for (const query of queries) {
    posted.length = 0;
    handlers.forEach((handler) => handler({ data: { type: 2, data: query } }));   /* QUERY */
    while (!posted.length) await new Promise((resolve) => setTimeout(resolve, 1));
    const data = posted[0].data, shown = [];
    for (const group of data.items || [])
      for (const item of group) if (item.location.includes("#") || group.length === 1) shown.push(item);
    const top = shown.slice(0, 5).map((item) => ({
      location: item.location,
      marks: (item.text.match(/<mark>(.*?)<\/mark>/g) || []).map((m) => m.replace(/<\/?mark>/g, "")),
      terms: item.terms,
    }));
    console.log(JSON.stringify({ query, results: shown.length, offer: Boolean(data.offer), top }));
  }
})();
