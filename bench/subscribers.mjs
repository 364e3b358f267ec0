// The dashboards of bench/subscribers.sh: graphql-ws clients (the library a browser dashboard uses), one WebSocket
// each, and the recorder that commits the changes they wait for. Prints one line per step.
import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const HTTP = process.env.HTTP_URL ?? 'http://127.0.0.1:8080/graphql';
const METRICS = process.env.METRICS_URL ?? 'http://127.0.0.1:9000/q/metrics';
const STEPS = (process.env.STEPS ?? '500,1000,2000,2500,3000,3500,4000,5000').split(',').map(Number);
const EVENTS = Number(process.env.EVENTS ?? 20);
const GAP_MS = Number(process.env.GAP_MS ?? 500);
const SUBSCRIPTION = `subscription Wall {
  delegationChanged { change id delegation { id title version updatedAt hostCountry { code } visitingCountry { code } } }
}`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function graphql(query, variables) {
  const response = await fetch(HTTP, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.EDITOR_TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function attached() {
  const metrics = await (await fetch(METRICS)).text();
  const line = metrics.match(/^attache_graphql_subscriptions (\S+)$/m);
  return line ? Number(line[1]) : 0;
}

function serverRssMb() {
  const match = readFileSync(`/proc/${process.env.ATTACHE_PID}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

/** A dashboard: connects, subscribes, notes when each version of the visit arrives. */
function dashboard() {
  const arrivals = new Map();
  let failures = 0;
  const client = createClient({
    url: HTTP.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${process.env.VIEWER_TOKEN}` },
    lazy: false,
    retryAttempts: 0,
    on: { closed: () => failures++ },
  });
  client.subscribe({ query: SUBSCRIPTION }, {
    next: (message) => {
      const visit = message.data?.delegationChanged?.delegation;
      if (visit) arrivals.set(visit.version, performance.now());
    },
    error: () => failures++,
    complete: () => {},
  });
  return { client, arrivals, failures: () => failures };
}

const input = {
  title: 'Capacity probe', kind: 'OFFICIAL_VISIT', status: 'ONGOING', visitingCountry: 'KAZ', hostCountry: 'AZE',
  startDate: '2024-04-25', members: [], hosts: [], topics: ['military'],
};
const visit = (await graphql(`mutation ($input: DelegationInput!) { createDelegation(input: $input) { id version } }`,
  { input })).createDelegation;
let version = visit.version;

const dashboards = [];
console.log('subscribers | events | delivered | missing | p50 ms | p99 ms | max ms | server RSS MB');
console.log('---:|---:|---:|---:|---:|---:|---:|---:');
for (const target of STEPS) {
  while (dashboards.length < target) {
    dashboards.push(dashboard());
    if (dashboards.length % 100 === 0) await sleep(50); // connect in waves, as dashboards do after a deploy
  }
  const deadline = Date.now() + 120_000;
  while ((await attached()) < target) {
    if (Date.now() > deadline) {
      console.log(`${target} | - | - | - | - | - | - | (only ${await attached()} subscriptions attached after 120 s)`);
      process.exit(0);
    }
    await sleep(200);
  }
  const sent = new Map();
  for (let i = 0; i < EVENTS; i++) {
    const started = performance.now();
    await graphql(`mutation ($id: ID!, $input: DelegationUpdateInput!, $v: Int!) {
      updateDelegation(id: $id, input: $input, expectedVersion: $v) { version } }`,
      { id: visit.id, input: { title: `Capacity probe ${target}/${i}` }, v: version });
    version++;
    sent.set(version, started);
    await sleep(GAP_MS);
  }
  await sleep(3000); // stragglers
  const latencies = [];
  let missing = 0;
  for (const { arrivals } of dashboards) {
    for (const [v, started] of sent) {
      const arrived = arrivals.get(v);
      if (arrived === undefined) missing++;
      else latencies.push(arrived - started);
    }
  }
  latencies.sort((a, b) => a - b);
  const p99 = percentile(latencies, 99);
  console.log([target, sent.size, latencies.length, missing, percentile(latencies, 50).toFixed(0), p99.toFixed(0),
    latencies[latencies.length - 1].toFixed(0), serverRssMb()].join(' | '));
  if (missing > 0 || p99 > 1000) break;
}
for (const { client } of dashboards) client.dispose();
process.exit(0);
