// Checks generated Kubernetes manifests; run through .ci/check-kubernetes, which installs the packages this needs.
//
//   node check.mjs <modules-dir> <manifest.yml> [<manifest-of-next-version.yml>]
//
// Schemas: the Kubernetes OpenAPI definitions as generated into @kubernetes/client-node (its models carry every
// field's JSON name and type, its .d.ts files which fields are required, its API classes which model each
// apiVersion/kind is created with). They are turned into one JSON Schema, strict like `kubectl --validate=strict`:
// a field the API does not define is an error (additionalProperties: false), not silently dropped as by the server.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const [modulesDir, manifest, nextManifest] = process.argv.slice(2);
// A broken checker must fail loudly too, not look like a passed check.
process.on('uncaughtException', (e) => {
  console.log(e.stack);
  console.log(`FAIL: Kubernetes manifest check could not run: ${e.message}`);
  process.exit(2);
});
const require = createRequire(join(modulesDir, 'package.json'));
const Ajv = require('ajv');
const YAML = require('yaml');
const gen = join(modulesDir, 'node_modules/@kubernetes/client-node/dist/gen');
const VERSION_LABEL = 'app.kubernetes.io/version';

// --- JSON Schema from the generated models ------------------------------------------------------------------
const models = {};
for (const file of readdirSync(join(gen, 'models')).filter((f) => f.endsWith('.js'))) {
  const js = readFileSync(join(gen, 'models', file), 'utf8');
  const name = js.match(/export class (\w+)/)?.[1];
  const map = js.match(/\.attributeTypeMap = (\[[\s\S]*?\]);/)?.[1];
  if (!name || !map) continue;
  // In the .d.ts a field without '?' is required; the names there are the TS names, mapped back to JSON names.
  const dts = readFileSync(join(gen, 'models', file.replace(/\.js$/, '.d.ts')), 'utf8');
  const required = [...dts.matchAll(/^\s+'([^']+)':/gm)].map((m) => m[1]);
  models[name] = { attrs: JSON.parse(map), required };
}
// Quantities ("500m", 1, "512Mi") are int-or-string in the API; the client models type them as plain strings.
const QUANTITY = {
  V1ResourceRequirements: ['limits', 'requests'], V1VolumeResourceRequirements: ['limits', 'requests'],
  V1EmptyDirVolumeSource: ['sizeLimit'], V1PodSpec: ['overhead'],
};
const QUANTITY_SCHEMA = { type: ['string', 'integer', 'number'] };
function typeSchema(type, format) {
  if (type === 'string' || type === 'Date' || type === 'V1MicroTime') return { type: 'string' }; // timestamps
  if (type === 'number') return { type: /^int/.test(format) ? 'integer' : 'number' };
  if (type === 'boolean') return { type: 'boolean' };
  if (type === 'any') return {};
  if (type === 'IntOrString') return { type: ['integer', 'string'] };
  let m = type.match(/^Array<(.+)>$/);
  if (m) return { type: 'array', items: typeSchema(m[1], '') };
  m = type.match(/^\{ \[key: string\]: (.+); \}$/);
  if (m) return { type: 'object', additionalProperties: typeSchema(m[1], '') };
  if (models[type]) return { $ref: `#/definitions/${type}` };
  throw new Error(`unknown type in the models: ${type}`);
}
const definitions = {};
for (const [name, { attrs, required }] of Object.entries(models)) {
  const properties = {};
  for (const a of attrs) {
    properties[a.baseName] = QUANTITY[name]?.includes(a.baseName)
      ? { type: 'object', additionalProperties: QUANTITY_SCHEMA } : typeSchema(a.type, a.format);
  }
  const jsonName = Object.fromEntries(attrs.map((a) => [a.name, a.baseName]));
  definitions[name] = {
    type: 'object', properties, additionalProperties: false,
    required: required.map((r) => jsonName[r]).filter(Boolean),
  };
}

// --- apiVersion/kind -> model, from what each API class's create call sends --------------------------------------
const modelFor = {};
for (const file of readdirSync(join(gen, 'apis')).filter((f) => /Api\.js$/.test(f))) {
  const js = readFileSync(join(gen, 'apis', file), 'utf8');
  for (const part of js.split(/\n\s+async create/).slice(1)) {
    const kind = part.match(/^(?:Namespaced)?(\w+)\(/)?.[1];
    const path = part.match(/localVarPath = '([^']+)'/)?.[1];
    const model = part.match(/ObjectSerializer\.serialize\(body, "(\w+)"/)?.[1];
    // {name}: a subresource (token, eviction); no model: custom objects, which have no schema here
    if (!kind || !path || !models[model] || path.includes('{name}')) continue;
    const [, root, ...rest] = path.split('/');
    const apiVersion = root === 'api' ? rest[0] : `${rest[0]}/${rest[1]}`;
    modelFor[`${apiVersion} ${kind}`] = model;
  }
}

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true });
ajv.addSchema({ $id: 'k8s', definitions });

// --- the checks --------------------------------------------------------------------------------------------------
const failures = [];
const fail = (msg) => failures.push(msg);

// The API server treats a null field as absent (kubectl output has creationTimestamp: null): drop them first.
const dropNulls = (v) => Array.isArray(v) ? v.map(dropNulls)
  : v && typeof v === 'object'
    ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, dropNulls(x)])) : v;

function load(file) {
  const docs = [];
  for (const [i, doc] of YAML.parseAllDocuments(readFileSync(file, 'utf8'), { uniqueKeys: true }).entries()) {
    // Duplicate keys are errors too: the server would keep only the last one.
    if (doc.errors.length) { fail(`${file}: document ${i + 1}: ${doc.errors.map((e) => e.message).join('; ')}`); continue; }
    const obj = dropNulls(doc.toJS());
    if (obj !== null && obj !== undefined) docs.push(obj);
  }
  return docs;
}

const label = (o) => `${o?.kind ?? '?'}/${o?.metadata?.name ?? '?'}`;
const subset = (small, big) => Object.entries(small ?? {}).every(([k, v]) => big?.[k] === v);

function validate(file, docs) {
  for (const o of docs) {
    const model = modelFor[`${o.apiVersion} ${o.kind}`];
    if (!model) { fail(`${file}: ${label(o)}: no Kubernetes schema for apiVersion ${o.apiVersion}, kind ${o.kind}`); continue; }
    if (!o.metadata?.name) fail(`${file}: ${label(o)}: metadata.name is missing`);
    const check = ajv.getSchema(`k8s#/definitions/${model}`);
    if (!check(o)) {
      for (const e of check.errors) {
        const extra = e.keyword === 'additionalProperties' ? `: unknown field "${e.params.additionalProperty}"` : '';
        fail(`${file}: ${label(o)}: ${e.instancePath || '/'} ${e.message}${extra}`);
      }
    }
  }
}

function selectors(file, docs) {
  const deployments = docs.filter((o) => o.kind === 'Deployment');
  for (const d of deployments) {
    const sel = d.spec?.selector ?? {};
    const podLabels = d.spec?.template?.metadata?.labels;
    if (!sel.matchLabels) fail(`${file}: ${label(d)}: spec.selector.matchLabels is missing`);
    // A selector that does not match its own pod template is refused by the API server.
    if (!subset(sel.matchLabels, podLabels)) fail(`${file}: ${label(d)}: spec.selector.matchLabels is not a subset of the pod template's labels`);
    // The selector is immutable: a version in it makes the next version's manifest impossible to apply.
    if (VERSION_LABEL in (sel.matchLabels ?? {}) || (sel.matchExpressions ?? []).some((e) => e.key === VERSION_LABEL))
      fail(`${file}: ${label(d)}: spec.selector contains ${VERSION_LABEL}`);
  }
  for (const s of docs.filter((o) => o.kind === 'Service' && o.spec?.selector)) {
    if (VERSION_LABEL in s.spec.selector) fail(`${file}: ${label(s)}: spec.selector contains ${VERSION_LABEL}`);
    // A Service whose selector matches no pod template sends traffic nowhere.
    if (deployments.length && !deployments.some((d) => subset(s.spec.selector, d.spec?.template?.metadata?.labels)))
      fail(`${file}: ${label(s)}: spec.selector matches the pods of no Deployment in the manifest`);
  }
}

// Deployment.spec.selector is immutable, and a changed Service selector would drop the old pods mid-rollout.
function upgrade(fromDocs, toDocs) {
  const key = (o) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
  for (const o of fromDocs.filter((x) => x.kind === 'Deployment' || x.kind === 'Service')) {
    const next = toDocs.find((x) => key(x) === key(o));
    if (!next) { fail(`${nextManifest}: ${label(o)} is missing (renaming it is no in-place upgrade)`); continue; }
    if (!isDeepStrictEqual(o.spec?.selector, next.spec?.selector))
      fail(`${label(o)}: spec.selector changes between ${manifest} and ${nextManifest}: `
        + `${JSON.stringify(o.spec?.selector)} -> ${JSON.stringify(next.spec?.selector)}`);
  }
}

const docs = load(manifest);
validate(manifest, docs);
selectors(manifest, docs);
let nextDocs = [];
if (nextManifest) {
  nextDocs = load(nextManifest);
  validate(nextManifest, nextDocs);
  selectors(nextManifest, nextDocs);
  upgrade(docs, nextDocs);
  // Two manifests of one version would make the upgrade check prove nothing (say, the version option was ignored).
  const versions = (ds) => JSON.stringify([...new Set(ds.map((o) => o.metadata?.labels?.[VERSION_LABEL]))]);
  if (versions(docs) === versions(nextDocs))
    fail(`${nextManifest}: same ${VERSION_LABEL} labels as ${manifest} (${versions(docs)}): not a manifest of another version`);
}

const summary = (file, ds) => `${file} (${ds.map(label).join(', ')}, version label `
  + `${[...new Set(ds.map((o) => o.metadata?.labels?.[VERSION_LABEL]).filter(Boolean))].join(',') || 'none'})`;
if (docs.length === 0) fail(`${manifest}: no documents`);
if (failures.length) {
  for (const f of failures) console.log(`  ${f}`);
  console.log(`FAIL: Kubernetes manifest check: ${failures.length} problem(s)`);
  process.exit(1);
}
console.log(`OK: ${summary(manifest, docs)}: valid against the Kubernetes schemas (strict), selectors without ${VERSION_LABEL}`);
if (nextManifest) console.log(`OK: upgrade to ${summary(nextManifest, nextDocs)}: Deployment and Service selectors unchanged`);
