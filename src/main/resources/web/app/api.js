// GraphQL over HTTP, as any client of the service: POST /graphql with the bearer token.
import { session } from './session.js';

class GraphQLError extends Error {
  constructor(errors) {
    super([...new Set(errors.map(error => error.message))].join(' '));
    this.code = errors[0]?.extensions?.code;
  }
}

export async function gql(document, variables = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: document, variables }) });
  } catch {
    throw new GraphQLError([{ message: 'The service cannot be reached right now.', extensions: { code: 'UNAVAILABLE' } }]);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new GraphQLError([{ message: `The service answered ${response.status}.`, extensions: { code: 'UNAVAILABLE' } }]);
  }
  if (body.errors?.length) {
    const error = new GraphQLError(body.errors);
    if (error.code === 'UNAUTHENTICATED') session.expired();
    throw error;
  }
  return body.data;
}

/**
 * A view's answer, or null when what it is about does not exist: the lists filtered by an unknown country or person
 * answer NOT_FOUND, which then says no more than the missing record itself.
 */
export async function orNotFound(answer) {
  try {
    return await answer;
  } catch (error) {
    if (error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** Every page of a connection, one request after another, up to a limit: for exports. */
export async function allPages(document, variables, connection, limit, onProgress) {
  const rows = [];
  let after = null;
  do {
    const data = await gql(document, { ...variables, first: 100, after });
    const page = data[connection];
    rows.push(...page.edges.map(edge => edge.node));
    onProgress?.(rows.length, page.totalCount);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after && rows.length < limit);
  return rows;
}
