// Attaché as an Apollo Federation v2 subgraph (ATTACHE_FEDERATION=true), as a platform team composes it: a second
// subgraph ("analysis", @apollo/subgraph) started here adds a field to Attaché's Delegation and points at Attaché's
// Delegation, Person, Country and Award entities; @apollo/gateway (IntrospectAndCompose) composes the two and
// @apollo/server serves the supergraph. Checks that composition reports no error, that the gateway answers from
// Attaché alone, from Attaché's _entities (one batched request per entity type, the values Attaché gives directly,
// null for an id Attaché does not know) and from the other subgraph's _entities for Attaché's records.
// Usage: ATTACHE_TOKEN=<editor token> node federation.mjs http://127.0.0.1:8080/graphql
import assert from 'node:assert/strict';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import net from 'node:net';
import { editorToken, url } from './service.mjs';

const token = editorToken();
const started = Date.now();

// Nothing leaves this machine: @apollo/gateway otherwise probes cloud metadata addresses (AWS, GCP, Azure, Alibaba)
// and posts usage metrics to Apollo. The switch turns that off; the guard fails the run on any connection that is not
// to Attaché or the loopback, should a version add another.
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
const strays = [];
const local = (host) => host === 'localhost' || host === '::1' || /^127\./.test(host) || host === new URL(url).hostname.replace(/^\[|\]$/g, '');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guarded(...args) {
  const options = Array.isArray(args[0]) ? args[0][0] : args[0];
  const host = typeof options === 'object' ? (options.path ? 'localhost' : options.host ?? 'localhost')
    : typeof options === 'number' ? (typeof args[1] === 'string' ? args[1] : 'localhost') : 'localhost';
  if (local(host)) return connect.apply(this, args);
  strays.push(host);
  process.nextTick(() => this.destroy(new Error(`federation.mjs: no connection to ${host} from this test`)));
  return this;
};
// A hung gateway or service fails the run rather than the CI's time.
setTimeout(() => { console.error('FAIL: not done within 120 s'); process.exit(1); }, 120_000).unref();

async function attache(query, variables = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  assert.equal(response.status, 200, `Attaché answered ${response.status}: ${text}`);
  const body = JSON.parse(text);
  assert.equal(body.errors, undefined, `Attaché refused ${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

// 1. Records in Attaché, named afresh on every run so that a database that has seen earlier runs does not matter.
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const VISIT = 'id title startDate hostCountry { id code name } visitingCountry { code }';
const { createPerson: head } = await attache(`mutation ($input: PersonInput!) { createPerson(input: $input) { id fullName position } }`,
  { input: { fullName: `Federation Probe ${run}`, country: 'KAZ', position: 'Deputy Minister of Defense', rank: 'Major General' } });
const visits = [];
for (const [visiting, host, day] of [['KAZ', 'AZE', '01'], ['TUR', 'GEO', '11'], ['UZB', 'KAZ', '21']]) {
  visits.push((await attache(`mutation ($input: DelegationInput!) { createDelegation(input: $input) { ${VISIT} } }`, { input: {
    title: `Federation probe ${run}: ${visiting} in ${host}`, kind: 'WORKING_VISIT', status: 'COMPLETED',
    visitingCountry: visiting, hostCountry: host, startDate: `2024-05-${day}`, endDate: `2024-05-${day}`,
    headId: visiting === 'KAZ' ? head.id : null,
  } })).createDelegation);
}
const { conferAward: award } = await attache(`mutation ($input: AwardInput!) { conferAward(input: $input) { id name conferredBy { code } recipient { id } } }`,
  { input: { name: `Federation probe medal ${run}`, kind: 'MEDAL', conferredBy: 'AZE', conferredOn: '2024-05-01',
    recipientId: head.id, delegationId: visits[0].id } });
// A visit id that names no record: a million past the last one made.
const missing = /^\d+$/.test(visits[2].id) ? String(BigInt(visits[2].id) + 1_000_000n) : `${visits[2].id}-missing`;
assert.equal((await attache('query ($id: ID!) { delegation(id: $id) { id } }', { id: missing })).delegation, null,
  `the id ${missing} names no visit`);
console.log('OK: Attaché recorded 3 visits, a person and an award (run %s)', run);

// 2. The other subgraph: briefings on Attaché's visits, clearances on its persons, and lists of references to its records.
const analysisSdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Delegation @key(fields: "id") { id: ID! briefing: String }
  type Person @key(fields: "id") { id: ID! clearance: String }
  type Country @key(fields: "id", resolvable: false) { id: ID! }
  type Award @key(fields: "id", resolvable: false) { id: ID! }
  type Watchlist { countries: [Country!]! people: [Person!]! awards: [Award!]! }
  type Query {
    briefedVisits: [Delegation!]!
    lostVisit: Delegation
    watchlist: Watchlist!
  }`;
const briefing = (id) => `Briefing ${run} on visit ${id}`;
const clearance = (id) => `Clearance ${run} for ${id}`;
const resolved = { Delegation: [], Person: [] };
const analysis = new ApolloServer({
  plugins: [ApolloServerPluginInlineTraceDisabled()],
  schema: buildSubgraphSchema({ typeDefs: parse(analysisSdl), resolvers: {
    Query: {
      briefedVisits: () => visits.map(({ id }) => ({ id })),
      lostVisit: () => ({ id: missing }),
      watchlist: () => ({ countries: [{ id: 'AZE' }, { id: 'GEO' }], people: [{ id: head.id }], awards: [{ id: award.id }] }),
    },
    Delegation: {
      __resolveReference: ({ id }) => { resolved.Delegation.push(id); return { id }; },
      briefing: ({ id }) => briefing(id),
    },
    Person: {
      __resolveReference: ({ id }) => { resolved.Person.push(id); return { id }; },
      clearance: ({ id }) => clearance(id),
    },
  } }),
});
const { url: analysisUrl } = await startStandaloneServer(analysis, { listen: { host: '127.0.0.1', port: 0 } });

// What the gateway sends to each subgraph, to count its _entities requests.
const sent = [];
const gateway = new ApolloGateway({
  supergraphSdl: new IntrospectAndCompose({ subgraphs: [{ name: 'attache', url }, { name: 'analysis', url: analysisUrl }] }),
  buildService: ({ name, url: serviceUrl }) => new RemoteGraphQLDataSource({
    url: serviceUrl,
    willSendRequest({ request }) {
      if (name === 'attache') request.http.headers.set('authorization', `Bearer ${token}`);
      sent.push({ name, query: request.query, variables: JSON.parse(JSON.stringify(request.variables ?? {})) });
    },
  }),
});
let supergraphSdl;
gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => { supergraphSdl = coreSupergraphSdl; });
const server = new ApolloServer({ gateway, introspection: true });

const entityRequests = (name) => sent.filter((r) => r.name === name && r.query.includes('_entities'));
async function query(text, variables) {
  sent.length = 0;
  const { body } = await server.executeOperation({ query: text, variables });
  assert.equal(body.kind, 'single');
  return JSON.parse(JSON.stringify(body.singleResult)); // plain objects, as a client would read them off the wire
}
async function data(text, variables) {
  const result = await query(text, variables);
  assert.equal(result.errors, undefined, `the gateway answered ${text} with errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

let serving = false;
try {
  // (e) Attaché's own SDL, as _service gives it, composes with the other subgraph's without an error.
  const { _service: { sdl } } = await attache('{ _service { sdl } }');
  assert.match(sdl, /^extend schema @link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.3", import: \["@key"\]\)/);
  const composed = composeServices([
    { name: 'attache', url, typeDefs: parse(sdl) },
    { name: 'analysis', url: analysisUrl, typeDefs: parse(analysisSdl) },
  ]);
  const composeErrors = (composed.errors ?? []).map((e) => `${e.extensions?.code ?? ''} ${e.message}`);
  assert.deepEqual(composeErrors, [], `composition failed:\n${composeErrors.join('\n')}`);
  const hints = (composed.hints ?? []).map((h) => `${h.definition?.code ?? ''} ${h.message}`);
  console.log('OK: composeServices composed Attaché\'s _service SDL (%d characters) with no error, %d hint(s)%s',
    sdl.length, hints.length, hints.length ? `:\n  ${hints.join('\n  ')}` : '');

  // (a) The gateway composed the same at start (it throws with the composition errors otherwise): both subgraphs' fields.
  await server.start();
  serving = true;
  assert.ok(supergraphSdl, 'the gateway loaded a supergraph');
  assert.match(supergraphSdl, /ATTACHE @join__graph\(name: "attache"/);
  assert.match(supergraphSdl, /ANALYSIS @join__graph\(name: "analysis"/);
  const fields = async (type) => (await data(`{ __type(name: "${type}") { fields { name } } }`)).__type.fields.map((f) => f.name);
  const [queryFields, delegationFields, personFields] = await Promise.all([fields('Query'), fields('Delegation'), fields('Person')]);
  for (const field of ['delegation', 'delegations', 'countries', 'briefedVisits', 'lostVisit', 'watchlist']) {
    assert.ok(queryFields.includes(field), `Query.${field} in the supergraph: ${queryFields}`);
  }
  for (const field of ['title', 'hostCountry', 'agenda', 'briefing']) {
    assert.ok(delegationFields.includes(field), `Delegation.${field} in the supergraph: ${delegationFields}`);
  }
  assert.ok(personFields.includes('fullName') && personFields.includes('clearance'), `Person: ${personFields}`);
  for (const plumbing of ['_entities', '_service']) assert.ok(!queryFields.includes(plumbing), `no ${plumbing} on the supergraph`);
  console.log('OK: the gateway composed attache + analysis (Query: %d fields, Delegation: %d, with briefing)',
    queryFields.length, delegationFields.length);

  // (b) A query Attaché answers alone: one request, to Attaché, as Attaché answers it directly.
  const direct = (await attache(`query ($id: ID!) { delegation(id: $id) { ${VISIT} } }`, { id: visits[0].id })).delegation;
  const alone = (await data(`query ($id: ID!) { delegation(id: $id) { ${VISIT} } }`, { id: visits[0].id })).delegation;
  assert.deepEqual(alone, direct);
  assert.deepEqual(sent.map((r) => r.name), ['attache'], 'Attaché alone answered');
  const page = (await data('{ delegations(first: 3, orderBy: UPDATED_AT_DESC) { nodes { id title } pageInfo { hasNextPage } } }')).delegations;
  assert.equal(page.nodes.length, 3);
  console.log('OK: delegation(id: %s) and delegations through the gateway, from Attaché alone', visits[0].id);

  // (c) The entity path: references from analysis, their fields from Attaché's _entities, all visits in one request.
  const briefed = (await data('{ briefedVisits { id briefing title startDate hostCountry { code name } visitingCountry { code } } }')).briefedVisits;
  assert.deepEqual(briefed, visits.map((v) => ({
    id: v.id, briefing: briefing(v.id), title: v.title, startDate: v.startDate,
    hostCountry: { code: v.hostCountry.code, name: v.hostCountry.name }, visitingCountry: v.visitingCountry,
  })));
  const toAttache = entityRequests('attache');
  assert.equal(toAttache.length, 1, `one _entities request to Attaché for ${visits.length} visits: ${JSON.stringify(toAttache)}`);
  assert.deepEqual(toAttache[0].variables.representations, visits.map(({ id }) => ({ __typename: 'Delegation', id })));
  assert.deepEqual(sent.map((r) => r.name), ['analysis', 'attache'], 'one request to each subgraph');
  console.log('OK: briefedVisits: %d visits\' title, dates and countries from ONE _entities request to Attaché', briefed.length);

  // An id Attaché does not know: its _entities answers null, and the gateway a null visit, not a half-filled one.
  const lost = await query('{ lostVisit { id briefing title } }');
  const toAttacheLost = entityRequests('attache');
  assert.equal(toAttacheLost.length, 1);
  assert.deepEqual(toAttacheLost[0].variables.representations, [{ __typename: 'Delegation', id: missing }]);
  assert.equal(lost.data?.lostVisit, null, `lostVisit: ${JSON.stringify(lost)}`);
  console.log('OK: lostVisit (id %s, unknown to Attaché) is null; the gateway said: %s', missing,
    JSON.stringify(lost.errors?.map((e) => e.message) ?? 'no error'));

  // (d) Attaché's other entities: Country, Person and Award references resolved by Attaché, one request per type.
  const watchlist = (await data(`{ watchlist {
    countries { id code name hostedCount }
    people { id fullName position country { code } awardsReceived { id name } }
    awards { id name conferredBy { code name } recipient { id fullName } delegation { id title } }
  } }`)).watchlist;
  const [aze, geo] = await Promise.all(['AZE', 'GEO'].map(async (code) => (await attache(
    'query ($code: String!) { country(code: $code) { id code name hostedCount } }', { code })).country));
  assert.deepEqual(watchlist.countries, [aze, geo]);
  assert.deepEqual(watchlist.people, [{ id: head.id, fullName: head.fullName, position: head.position, country: { code: 'KAZ' },
    awardsReceived: [{ id: award.id, name: award.name }] }]);
  assert.deepEqual(watchlist.awards, [{ id: award.id, name: award.name, conferredBy: { code: 'AZE', name: aze.name },
    recipient: { id: head.id, fullName: head.fullName }, delegation: { id: visits[0].id, title: visits[0].title } }]);
  const byType = new Map();
  for (const request of entityRequests('attache')) {
    for (const { __typename } of request.variables.representations) byType.set(__typename, (byType.get(__typename) ?? 0) + 1);
  }
  assert.deepEqual(Object.fromEntries(byType), { Country: 2, Person: 1, Award: 1 }, 'each reference sent once');
  assert.ok(entityRequests('attache').length <= 3, `at most one _entities request per type: ${entityRequests('attache').length}`);
  console.log('OK: watchlist: Country (x2), Person and Award entities from Attaché in %d _entities request(s)',
    entityRequests('attache').length);

  // The other way: Attaché's records, with analysis's fields resolved by analysis's _entities, through Attaché's nesting.
  resolved.Delegation.length = 0; resolved.Person.length = 0;
  const both = (await data(`query ($id: ID!) { delegation(id: $id) { id title briefing head { id fullName clearance }
    awards { id recipient { id clearance } } } }`, { id: visits[0].id })).delegation;
  assert.deepEqual(both, { id: visits[0].id, title: visits[0].title, briefing: briefing(visits[0].id),
    head: { id: head.id, fullName: head.fullName, clearance: clearance(head.id) },
    awards: [{ id: award.id, recipient: { id: head.id, clearance: clearance(head.id) } }] });
  assert.equal(entityRequests('attache').length, 0, 'nothing asked back of Attaché');
  assert.ok(entityRequests('analysis').length >= 1 && entityRequests('analysis').length <= 3, `analysis: ${entityRequests('analysis').length}`);
  assert.deepEqual(resolved.Delegation, [visits[0].id]);
  assert.ok(resolved.Person.length >= 1 && resolved.Person.every((id) => id === head.id), `Person references: ${resolved.Person}`);
  console.log('OK: delegation(id:) from Attaché with briefing and clearances from analysis (%d _entities request(s))',
    entityRequests('analysis').length);

  // Attaché's _entities directly: refusals are errors, not a failed gateway; a representation it cannot read says so.
  const refusal = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      variables: { r: [{ __typename: 'Watchlist', id: '1' }] } }),
  }).then((r) => r.json());
  assert.ok(refusal.errors?.length, `a representation of a type that is no entity is refused: ${JSON.stringify(refusal)}`);
  console.log('OK: _entities refuses a representation of a non-entity type: %s', refusal.errors[0].message);
} finally {
  if (serving) await server.stop().catch((e) => console.error('stopping the gateway:', e));
  await analysis.stop().catch((e) => console.error('stopping the analysis subgraph:', e));
}
assert.deepEqual(strays, [], 'connections only to Attaché and the loopback');
console.log('OK: federation checks passed in %d ms', Date.now() - started);
