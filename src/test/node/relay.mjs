// Relay (relay-runtime) against a running Attaché, on the artifacts the Relay compiler wrote from relay/Visits.js
// (cd relay && npx relay-compiler: into target/relay/__generated__): a visit through node(id:) and a fragment on
// Delegation, its refetch query as react-relay builds it, a connection paged with first/after, one store record per
// nodeId whichever query reached it, a mutation's answer updating the store, and nodes(ids:).
// Usage: ATTACHE_TOKEN=<editor token> node relay.mjs http://127.0.0.1:8080/graphql
import assert from 'node:assert/strict';
import {
  Environment, Network, RecordSource, Store, commitMutation, createOperationDescriptor, fetchQuery, getRefetchMetadata,
  getSelector,
} from 'relay-runtime';
import VisitsCreateMutation from '../../../target/relay/__generated__/VisitsCreateMutation.graphql.js';
import VisitsNodeQuery from '../../../target/relay/__generated__/VisitsNodeQuery.graphql.js';
import VisitsNodesQuery from '../../../target/relay/__generated__/VisitsNodesQuery.graphql.js';
import VisitsPageQuery from '../../../target/relay/__generated__/VisitsPageQuery.graphql.js';
import VisitsRenameMutation from '../../../target/relay/__generated__/VisitsRenameMutation.graphql.js';
import Visits_delegation from '../../../target/relay/__generated__/Visits_delegation.graphql.js';
import { editorToken, failOnWarnings, url } from './service.mjs';

const token = editorToken();

// Relay warns (console.warn / console.error) about a payload missing a field it asked for, and the like: that fails
// the run.
const noWarnings = failOnWarnings('Relay');

// The operations sent, by name, and the answers as the service sent them.
const sent = [];
const answers = [];
const network = Network.create(async (params, variables) => {
  sent.push(params.name);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: params.text, variables, operationName: params.name }),
  });
  assert.equal(response.status, 200, `${params.name}: HTTP ${response.status}`);
  const payload = await response.json();
  assert.equal(payload.errors, undefined, `${params.name}: ${JSON.stringify(payload.errors)}`);
  answers.push(payload);
  return payload;
});
const source = new RecordSource();
const environment = new Environment({
  network,
  store: new Store(source),
  // Records are keyed by the global id: nodeId, not the per-type id (relay.config.json's nodeInterfaceIdField).
  getDataID: fieldValue => fieldValue.nodeId,
});

// What a component would hold on to: retained operations stay in the store.
const query = async (request, variables) => {
  const operation = createOperationDescriptor(request, variables);
  environment.retain(operation);
  return fetchQuery(environment, request, variables).toPromise();
};
const mutate = (mutation, variables) => new Promise((resolve, reject) => commitMutation(environment, {
  mutation, variables, onError: reject,
  onCompleted: (response, errors) => errors ? reject(new Error(JSON.stringify(errors))) : resolve(response),
}));
// The store's records of one type and per-type id: one, keyed by its nodeId, however many queries reached it.
const recordsOf = (typename, id) => source.getRecordIDs().filter(key => {
  const record = source.get(key);
  return record?.__typename === typename && record.id === id;
});

// Three visits for the pages, the newest last; the mutation's answer is normalised into the store by nodeId.
const host = 'MNG';
const visits = [];
for (const day of [1, 2, 3]) {
  const { createDelegation } = await mutate(VisitsCreateMutation, { input: {
    title: `Relay probe visit ${day}`, kind: 'WORKING_VISIT', status: 'COMPLETED', visitingCountry: 'KGZ', hostCountry: host,
    startDate: `2023-03-0${day}`,
  } });
  // The compiler asked for nodeId too (on every Node): the record's key. The answer shows only what was selected.
  const keys = recordsOf('Delegation', createDelegation.id);
  assert.equal(keys.length, 1);
  assert.equal(source.get(keys[0]).nodeId, keys[0]);
  assert.ok(!keys[0].startsWith('client:'), 'keyed by the nodeId the service sent');
  visits.push({ ...createDelegation, nodeId: keys[0] });
}
const visit = visits[2];
console.log('OK: three mutations (createDelegation), each record in the store under its nodeId');

// node(id:) with the visit's nodeId; the fragment's data is read from the store through its reference.
const found = await query(VisitsNodeQuery, { id: visit.nodeId });
assert.equal(found.node.__typename, 'Delegation');
const selector = getSelector(Visits_delegation, found.node.visit);
const shown = environment.lookup(selector).data;
assert.equal(shown.title, 'Relay probe visit 3');
assert.equal(shown.version, visit.version);
assert.equal(shown.hostCountry.code, host);
assert.equal(shown.visitingCountry.code, 'KGZ');
console.log('OK: node(id:) with a fragment on Delegation (%s)', visit.nodeId);

// The fragment's refetch query, with the variables react-relay's useRefetchableFragment builds from the metadata:
// the nodeId, under relay.config.json's nodeInterfaceIdVariableName, must be the variable the query declares.
const { refetchableRequest, identifierInfo } = getRefetchMetadata(Visits_delegation, 'relay.mjs');
const refetchVariables = { [identifierInfo.identifierQueryVariableName]: shown[identifierInfo.identifierField] };
const refetched = await query(refetchableRequest, refetchVariables);
assert.equal(environment.lookup(getSelector(Visits_delegation, refetched.node)).data.title, 'Relay probe visit 3');
console.log('OK: the refetchable fragment\'s query (node(id: $%s))', identifierInfo.identifierQueryVariableName);

// A connection paged forward: two pages, the second after the first's endCursor. With @connection, Relay reads the
// list it keeps in the store, where each page is appended, as usePaginationFragment shows it.
const first = (await query(VisitsPageQuery, { host, first: 2, after: null })).delegations;
assert.deepEqual(first.edges.map(edge => edge.node.id), [visits[2].id, visits[1].id], 'most recently recorded first');
assert.equal(first.pageInfo.hasNextPage, true);
assert.equal(first.pageInfo.hasPreviousPage, false);
assert.equal(first.pageInfo.startCursor, first.edges[0].cursor);
assert.equal(first.pageInfo.endCursor, first.edges[1].cursor);
const list = (await query(VisitsPageQuery, { host, first: 2, after: first.pageInfo.endCursor })).delegations;
const second = answers.at(-1).data.delegations; // the page as the service sent it
assert.equal(second.edges[0].node.id, visits[0].id);
assert.equal(second.pageInfo.startCursor, second.edges[0].cursor);
assert.equal(second.pageInfo.endCursor, second.edges.at(-1).cursor);
assert.deepEqual(list.edges.map(edge => edge.node.id), [...first.edges, ...second.edges].map(edge => edge.node.id));
assert.equal(list.pageInfo.endCursor, second.pageInfo.endCursor);
assert.equal(list.pageInfo.hasNextPage, second.pageInfo.hasNextPage);
console.log('OK: a connection paged with first/after (%d + %d edges, one list in the store)', first.edges.length,
  second.edges.length);

// The visit reached by node(id:) and by the list is one record; the list's edge refers to it by nodeId.
assert.deepEqual(recordsOf('Delegation', visit.id), [visit.nodeId]);
const record = source.get(visit.nodeId);
assert.equal(record.startDate, '2023-03-03');
assert.equal(record.version, visit.version, 'the fields of both queries, on one record');
const edges = Object.values(source.toJSON()).filter(r => r.__typename === 'DelegationEdge');
assert.ok(edges.some(edge => edge.node?.__ref === visit.nodeId), 'an edge refers to the visit by its nodeId');
const countryId = record.hostCountry.__ref;
assert.equal(source.get(countryId).code, host);
console.log('OK: one store record per nodeId (%s), whichever query reached it', visit.nodeId);

// A mutation's answer updates the record: the fragment's subscriber and the list see the new title, nothing refetched.
let notified = null;
const subscription = environment.subscribe(environment.lookup(selector), snapshot => { notified = snapshot.data; });
sent.length = 0;
const { updateDelegation } = await mutate(VisitsRenameMutation, { id: visit.id, version: visit.version, title: 'Relay probe, renamed' });
assert.equal(updateDelegation.version, visit.version + 1);
assert.equal(notified?.title, 'Relay probe, renamed', 'the fragment was told');
assert.equal(notified.version, visit.version + 1);
assert.equal(notified.hostCountry.code, host, 'the update kept what it did not mention');
subscription.dispose();
const relisted = environment.lookup(createOperationDescriptor(VisitsPageQuery, { host, first: 2, after: null }).fragment)
  .data.delegations;
assert.equal(relisted.edges[0].node.title, 'Relay probe, renamed');
assert.deepEqual(sent, ['VisitsRenameMutation'], 'only the mutation was sent');
console.log('OK: a mutation (updateDelegation) updates the record in the store; the fragment and the list see it');

// nodes(ids:): records of any type, in order, null for an id that names nothing; the same records again.
const { nodes } = await query(VisitsNodesQuery, { ids: [visit.nodeId, countryId, 'nope'] });
assert.equal(nodes.length, 3);
assert.equal(nodes[0].__typename, 'Delegation');
assert.equal(nodes[0].title, 'Relay probe, renamed');
assert.equal(nodes[1].__typename, 'Country');
assert.equal(nodes[1].id, host);
assert.equal(nodes[2], null);
assert.deepEqual(recordsOf('Delegation', visit.id), [visit.nodeId]);
assert.deepEqual(recordsOf('Country', host), [countryId]);
console.log('OK: nodes(ids:) (Delegation, Country, null), into the same store records');

noWarnings();
