// The GraphQL documents relay.mjs runs, read by the Relay compiler alone (relay.config.json here): it validates them
// against docs/schema.graphql and writes their artifacts to target/relay/__generated__, which relay.mjs imports.
// Nothing runs this file; without Babel, graphql`...` only marks the documents for the compiler.
import { graphql } from 'relay-runtime';

// A visit as a component shows it; refetchable, so the compiler also writes the node(id:) query that refetches it.
graphql`
  fragment Visits_delegation on Delegation @refetchable(queryName: "VisitsRefetchQuery") {
    id
    title
    version
    startDate
    hostCountry { id code name }
    visitingCountry { id code name }
  }
`;

graphql`
  query VisitsNodeQuery($id: ID!) {
    node(id: $id) {
      __typename
      ...Visits_delegation @alias(as: "visit")
    }
  }
`;

// The most recently recorded visits first, paged forward with first/after; @connection keeps one list in the store
// and appends each page to it.
graphql`
  query VisitsPageQuery($host: String!, $first: Int!, $after: String) {
    delegations(filter: { hostCountry: $host }, orderBy: UPDATED_AT_DESC, first: $first, after: $after)
      @connection(key: "VisitsPage_delegations", filters: ["filter", "orderBy"]) {
      edges {
        cursor
        node { id title startDate }
      }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

graphql`
  query VisitsNodesQuery($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Delegation { id title }
      ... on Country { id name }
    }
  }
`;

graphql`
  mutation VisitsCreateMutation($input: DelegationInput!) {
    createDelegation(input: $input) { id title version startDate }
  }
`;

graphql`
  mutation VisitsRenameMutation($id: ID!, $version: Int!, $title: String!) {
    updateDelegation(id: $id, expectedVersion: $version, input: { title: $title }) { id title version }
  }
`;
