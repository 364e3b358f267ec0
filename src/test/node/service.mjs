// What every client check starts from: the service's GraphQL URL (the first argument), an editor's token
// (ATTACHE_TOKEN), and the library's console warnings, which fail the run.
import assert from 'node:assert/strict';

export const url = process.argv[2] ?? 'http://127.0.0.1:8080/graphql';

/** ATTACHE_TOKEN, which the checks that write need. */
export function editorToken() {
  assert.ok(process.env.ATTACHE_TOKEN, 'ATTACHE_TOKEN: an editor token');
  return process.env.ATTACHE_TOKEN;
}

/** Records console.warn and console.error from now on; the function returned fails the run if there were any. */
export function failOnWarnings(library) {
  const warnings = [];
  for (const level of ['warn', 'error']) {
    const original = console[level];
    console[level] = (...args) => { warnings.push(args.join(' ')); original(...args); };
  }
  return () => {
    assert.deepEqual(warnings, [], `${library} warned`);
    console.log(`OK: ${library} gave no warnings`);
  };
}
