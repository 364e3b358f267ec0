// urql (@urql/core) against a running Attaché, as a frontend team uses it: queries (GET, urql's default within the
// URL limit) and mutations over HTTP, the document cache (results kept per query and variables, dropped when a
// mutation answers with one of their typenames), subscriptions over graphql-transport-ws (graphql-ws), an error's code.
// Usage: ATTACHE_TOKEN=<editor token> node urql.mjs http://127.0.0.1:8080/graphql
import assert from 'node:assert/strict';
import { Client, cacheExchange, fetchExchange, gql, subscriptionExchange } from '@urql/core';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { editorToken, url } from './service.mjs';

const token = editorToken();

// Every HTTP request urql makes, to tell an answer from the cache from one from the service.
const sent = [];
const recording = (input, init) => {
  sent.push({ method: init?.method ?? 'GET' });
  return fetch(input, init);
};

const sockets = createClient({
  url: url.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${token}` },
});
const client = new Client({
  url,
  fetch: recording,
  fetchOptions: { headers: { authorization: `Bearer ${token}` } },
  exchanges: [
    cacheExchange,
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: request => ({
        subscribe: sink => ({ unsubscribe: sockets.subscribe({ ...request, query: request.query ?? '' }, sink) }),
      }),
    }),
  ],
});

const CREATE = gql`mutation Create($input: DelegationInput!) {
  createDelegation(input: $input) { id title version }
}`;
const VISIT = gql`query Visit($id: ID!) {
  delegation(id: $id) { id title version hostCountry { id code name } visitingCountry { id code } }
}`;
const COUNTRY = gql`query Country($code: String!) { country(code: $code) { id code name } }`;
const RENAME = gql`mutation Rename($id: ID!, $version: Int!, $title: String!) {
  updateDelegation(id: $id, expectedVersion: $version, input: { title: $title }) { id title version }
}`;
const CHANGES = gql`subscription Changes { delegationChanged { change id delegation { id title } } }`;
const TOO_FEW = gql`query TooFew { delegations(first: -1) { totalCount } }`;

// Runs one operation and fails on any error: urql puts errors in result.error rather than throwing.
const run = async (operation, document, variables, context) => {
  const result = await client[operation](document, variables, context).toPromise();
  assert.equal(result.error, undefined, `${operation}: ${result.error?.message}`);
  return result;
};

// A mutation: create a visit.
const created = (await run('mutation', CREATE, { input: {
  title: 'urql probe visit', kind: 'WORKING_VISIT', status: 'COMPLETED', visitingCountry: 'GEO', hostCountry: 'ARM',
  startDate: '2024-05-14',
} })).data.createDelegation;
assert.equal(created.title, 'urql probe visit');
assert.equal(created.__typename, 'Delegation', 'urql adds __typename to every selection');
console.log('OK: a mutation (createDelegation, Delegation:%s)', created.id);

// A query from the service, over GET, then the same query from the document cache.
sent.length = 0;
const first = await run('query', VISIT, { id: created.id }, { requestPolicy: 'cache-first' });
assert.equal(first.operation.context.meta.cacheOutcome, 'miss');
assert.equal(first.data.delegation.title, 'urql probe visit');
assert.equal(first.data.delegation.hostCountry.code, 'ARM');
const again = await run('query', VISIT, { id: created.id }, { requestPolicy: 'cache-first' });
assert.equal(again.operation.context.meta.cacheOutcome, 'hit');
assert.deepEqual(again.data, first.data);
const country = await run('query', COUNTRY, { code: 'GEO' }, { requestPolicy: 'cache-first' });
assert.equal(country.data.country.id, 'GEO');
assert.deepEqual(sent, [{ method: 'GET' }, { method: 'GET' }], 'the visit once, the country once: the second visit from the cache');
console.log('OK: a query over GET, and the same query again from the document cache');

// updateDelegation answers a Delegation: the cached visit query, which holds a Delegation, is dropped and asked
// again; the country query, which holds none, stays cached.
sent.length = 0;
const renamed = (await run('mutation', RENAME, { id: created.id, version: created.version, title: 'urql probe, renamed' }))
  .data.updateDelegation;
assert.equal(renamed.version, created.version + 1);
const fresh = await run('query', VISIT, { id: created.id }, { requestPolicy: 'cache-first' });
assert.equal(fresh.operation.context.meta.cacheOutcome, 'miss', 'the mutation invalidated the Delegation query');
assert.equal(fresh.data.delegation.title, 'urql probe, renamed');
assert.equal(fresh.data.delegation.version, renamed.version);
const stillCached = await run('query', COUNTRY, { code: 'GEO' }, { requestPolicy: 'cache-first' });
assert.equal(stillCached.operation.context.meta.cacheOutcome, 'hit', 'a query without a Delegation stays cached');
assert.deepEqual(sent, [{ method: 'POST' }, { method: 'GET' }], 'the mutation, then the visit again; not the country');
console.log('OK: a mutation (updateDelegation) invalidates the cached query by its typename, and only that one');

// A subscription hears the change the next mutation makes.
const heard = new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no event within 15 s')), 15000);
  const subscription = client.subscription(CHANGES).subscribe(({ data, error }) => {
    if (error) {
      clearTimeout(timer);
      subscription.unsubscribe();
      reject(error);
    } else if (data.delegationChanged.id === created.id && data.delegationChanged.delegation?.title === 'urql probe, heard') {
      clearTimeout(timer);
      subscription.unsubscribe();
      resolve(data.delegationChanged);
    }
  });
});
await new Promise(resolve => setTimeout(resolve, 1000)); // the subscription attaches
await run('mutation', RENAME, { id: created.id, version: renamed.version, title: 'urql probe, heard' });
const event = await heard;
assert.equal(event.change, 'UPDATED');
assert.equal(event.delegation.title, 'urql probe, heard');
console.log('OK: a subscription over graphql-transport-ws (subscriptionExchange) hears the change');

// An error: urql's CombinedError carries the service's errors, each with a code in extensions.
const refused = await client.query(TOO_FEW, {}, { requestPolicy: 'network-only' }).toPromise();
assert.ok(refused.error, 'delegations(first: -1) is refused');
assert.equal(refused.error.networkError, undefined);
assert.equal(refused.error.graphQLErrors.length, 1);
const [problem] = refused.error.graphQLErrors;
assert.equal(typeof problem.extensions.code, 'string');
assert.equal(problem.extensions.code, 'VALIDATION');
assert.deepEqual(problem.path, ['delegations']);
console.log('OK: an error reaches urql with its code (%s: %s)', problem.extensions.code, problem.message);

await sockets.dispose();
