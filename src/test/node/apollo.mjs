// Apollo Client 3 against a running Attaché, as a frontend team uses it: queries and mutations over HTTP,
// subscriptions over graphql-transport-ws (graphql-ws), the default normalised cache (__typename + id).
// Usage: ATTACHE_TOKEN=<editor token> node apollo.mjs http://127.0.0.1:8080/graphql
import assert from 'node:assert/strict';
import { ApolloClient, HttpLink, InMemoryCache, gql, split } from '@apollo/client/core/index.js';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries/index.js';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions/index.js';
import { getMainDefinition } from '@apollo/client/utilities/index.js';
import { createClient } from 'graphql-ws';
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { editorToken, failOnWarnings, url } from './service.mjs';

const token = editorToken();

// Apollo warns (console.warn / console.error) when its cache cannot identify or merge an object: that fails the run.
const noWarnings = failOnWarnings('Apollo Client');

const sockets = createClient({
  url: url.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${token}` },
});
const client = new ApolloClient({
  cache: new InMemoryCache(),
  link: split(
    ({ query }) => getMainDefinition(query).operation === 'subscription',
    new GraphQLWsLink(sockets),
    new HttpLink({ uri: url, headers: { authorization: `Bearer ${token}` } }),
  ),
});

const CREATE = gql`mutation Create($input: DelegationInput!) {
  createDelegation(input: $input) { id title version hostCountry { id code name } }
}`;
const VISIT = gql`query Visit($id: ID!) {
  delegation(id: $id) { id title version hostCountry { id code name } visitingCountry { id code } }
}`;
const COUNTRY = gql`query Country($code: String!) { country(code: $code) { id code name hostedCount } }`;
const RENAME = gql`mutation Rename($id: ID!, $version: Int!, $title: String!) {
  updateDelegation(id: $id, expectedVersion: $version, input: { title: $title }) { id title version }
}`;
const CHANGES = gql`subscription Changes { delegationChanged { change id delegation { id title } } }`;

const created = (await client.mutate({ mutation: CREATE, variables: { input: {
  title: 'Apollo probe visit', kind: 'WORKING_VISIT', status: 'COMPLETED', visitingCountry: 'KAZ', hostCountry: 'AZE',
  startDate: '2024-04-25',
} } })).data.createDelegation;

// A query, then a second one reading the same country: one normalised Country:AZE, merged from both.
const visit = (await client.query({ query: VISIT, variables: { id: created.id } })).data.delegation;
assert.equal(visit.hostCountry.code, 'AZE');
const country = (await client.query({ query: COUNTRY, variables: { code: 'AZE' } })).data.country;
const cache = client.cache.extract();
assert.deepEqual(cache[`Delegation:${created.id}`].hostCountry, { __ref: 'Country:AZE' }, 'the visit refers to the cached country');
assert.equal(cache['Country:AZE'].name, visit.hostCountry.name);
assert.equal(cache['Country:AZE'].hostedCount, country.hostedCount, 'the second query merged into the same object');
console.log('OK: query, and cache normalisation across two queries (Country:AZE, Delegation:%s)', created.id);

// A mutation's answer updates the cached visit: the first query reads the new title from the cache alone.
await client.mutate({ mutation: RENAME, variables: { id: created.id, version: visit.version, title: 'Apollo probe, renamed' } });
const cached = client.readQuery({ query: VISIT, variables: { id: created.id } }).delegation;
assert.equal(cached.title, 'Apollo probe, renamed');
assert.equal(cached.version, visit.version + 1);
assert.equal(cached.hostCountry.code, 'AZE', 'the update kept what it did not mention');
console.log('OK: a mutation updates the cache (title and version, nothing refetched)');

// A subscription hears the next change.
const heard = new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no event within 15 s')), 15000);
  const subscription = client.subscribe({ query: CHANGES }).subscribe({
    next: ({ data }) => {
      if (data.delegationChanged.id === created.id && data.delegationChanged.delegation?.title === 'Apollo probe, heard') {
        clearTimeout(timer);
        subscription.unsubscribe();
        resolve(data.delegationChanged);
      }
    },
    error: reject,
  });
});
await new Promise(resolve => setTimeout(resolve, 1000)); // the subscription attaches
await client.mutate({ mutation: RENAME, variables: { id: created.id, version: visit.version + 1, title: 'Apollo probe, heard' } });
const event = await heard;
assert.equal(event.change, 'UPDATED');
console.log('OK: a subscription over graphql-transport-ws hears the change');

// Automatic persisted queries, the hashes sent with GET: the first client registers the document, a second one (a
// fresh cache, as another browser) gets the answer by the hash alone.
const sent = [];
const recording = (input, init) => {
  const target = new URL(typeof input === 'string' ? input : input.url);
  const body = init?.body ? JSON.parse(init.body) : null;
  sent.push({ method: init?.method ?? 'GET', query: Boolean(target.searchParams.get('query') ?? body?.query) });
  return fetch(input, init);
};
const persisted = () => new ApolloClient({
  cache: new InMemoryCache(),
  link: createPersistedQueryLink({ sha256: text => createHash('sha256').update(text).digest('hex'), useGETForHashedQueries: true })
    .concat(new HttpLink({ uri: url, headers: { authorization: `Bearer ${token}` }, fetch: recording })),
});
const PROBE = gql`query PersistedProbe($id: ID!) { delegation(id: $id) { id title } probe${Date.now()}: __typename }`;
const first = (await persisted().query({ query: PROBE, variables: { id: created.id } })).data.delegation;
assert.equal(first.title, 'Apollo probe, heard');
assert.deepEqual(sent.map(r => r.query), [false, true], 'the hash alone (unknown), then the hash with the document');
sent.length = 0;
const again = (await persisted().query({ query: PROBE, variables: { id: created.id } })).data.delegation;
assert.equal(again.title, 'Apollo probe, heard');
assert.deepEqual(sent, [{ method: 'GET', query: false }], 'the hash alone, with GET');
console.log('OK: automatic persisted queries (hash, then hash and document, then hash alone over GET)');

await sockets.dispose();
noWarnings();
