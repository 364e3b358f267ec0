// The GraphQL-over-HTTP audit of graphql-http itself (not a re-implementation of it), run against a running Attaché.
// Every MUST and SHOULD must pass; MAYs are printed. Usage: node http-audit.mjs http://127.0.0.1:8080/graphql
// With ATTACHE_TOKEN set, every request carries it (where anonymous reads are off, the audit needs a reader's token).
import { serverAudits } from 'graphql-http';
import { url } from './service.mjs';

const token = process.env.ATTACHE_TOKEN;
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

// One at a time: run all at once, they would meet the per-client limit on operations in flight (429).
const results = [];
for (const audit of serverAudits({ url, fetchFn })) {
  results.push(await audit.fn());
}
const levels = { MUST: [], SHOULD: [], MAY: [] };
for (const result of results) {
  levels[result.name.split(' ')[0]].push(result);
}
let failed = false;
for (const [level, list] of Object.entries(levels)) {
  const passed = list.filter(r => r.status === 'ok').length;
  console.log(`${level}: ${passed}/${list.length}`);
  for (const r of list.filter(r => r.status !== 'ok')) {
    console.log(`  ${r.status}: ${r.name}${r.reason ? ` (${r.reason})` : ''}`);
    if (level !== 'MAY') failed = true;
  }
}
process.exit(failed ? 1 : 0);
