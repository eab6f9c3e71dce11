#!/usr/bin/env node
// Refreshes the local cloud's resource-schema facts from AWS's published resource schemas.
//
//   node src/tools/resource-schemas/update.mjs [version]      (run from the project root; default: latest)
//
// Source: the npm package @aws-cdk/aws-service-spec (Apache-2.0), the AWS CDK's database of every
// CloudFormation resource type, built from the CloudFormation registry schemas. From it this script keeps only
// what the local cloud checks, and only for the resource types it knows (those named in
// src/main/java/dev/meshwalk/localcloud/provider, in stacks/*.yaml, and in EXTRA_TYPES below): property names and
// types, nested types, required properties, create-only properties, GetAtt attributes. No prose.
//
// It writes, into src/main/resources/localcloud/schemas/:
//   resource-schemas.json   the facts (read by dev.meshwalk.localcloud.engine.schema.ResourceSchemas)
//   SOURCE.md               package, version, integrity, licence, date, the command that made it
//   LICENSE                 the package's licence text (Apache-2.0)
// The Maven build only reads these files; it never needs Node or the network.
//
// Type notation in resource-schemas.json: string, integer, number, boolean, timestamp, json (any value),
// tag ({Key, Value}), Name (a nested type of the same resource, listed under "types"), list<T>, map<T>,
// and A|B for "either".
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, statSync, rmSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const PACKAGE = '@aws-cdk/aws-service-spec';
const OUT = 'src/main/resources/localcloud/schemas';
// Types wanted before any provider or stack names them (providers and stacks are scanned; usually empty).
const EXTRA_TYPES = [];

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...opts });
}

function filesUnder(dir, suffix) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, suffix));
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out;
}

function wantedTypes() {
  const found = new Set(EXTRA_TYPES);
  for (const f of filesUnder('src/main/java/dev/meshwalk/localcloud/provider', '.java')) {
    for (const m of readFileSync(f, 'utf8').matchAll(/"(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)"/g)) found.add(m[1]);
  }
  for (const f of filesUnder('stacks', '.yaml')) {
    for (const m of readFileSync(f, 'utf8').matchAll(/Type:\s*['"]?(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)/g)) found.add(m[1]);
  }
  return [...found].sort();
}

function main() {
  if (!statSync('pom.xml', { throwIfNoEntry: false })) {
    console.error('Run this from the project root (where pom.xml is).');
    process.exit(2);
  }
  const version = process.argv[2] || JSON.parse(run('npm', ['view', PACKAGE, 'version', '--json']));
  const work = mkdtempSync(join(tmpdir(), 'resource-schemas-'));
  try {
    const packed = JSON.parse(run('npm', ['pack', `${PACKAGE}@${version}`, '--json', '--pack-destination', work]))[0];
    run('tar', ['-xzf', join(work, packed.filename), '-C', work]);
    const pkg = JSON.parse(readFileSync(join(work, 'package/package.json'), 'utf8'));
    const db = JSON.parse(gunzipSync(readFileSync(join(work, 'package/db.json.gz'))).toString('utf8'));
    const facts = extract(db, wantedTypes());
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'resource-schemas.json'), render(facts));
    copyFileSync(join(work, 'package/LICENSE'), join(OUT, 'LICENSE'));
    writeFileSync(join(OUT, 'SOURCE.md'), source(pkg, packed, Object.keys(facts)));
    console.log(`${Object.keys(facts).length} resource types from ${PACKAGE}@${pkg.version} -> ${OUT}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function extract(db, wanted) {
  const schema = db.schema;
  const resources = new Map(schema.resource.entities.map((r) => [r.cloudFormationType, r]));
  const typeDefs = new Map(schema.typeDefinition.entities.map((t) => [t.$id, t]));
  const facts = {};
  const missing = [];
  for (const type of wanted) {
    const r = resources.get(type);
    if (!r) {
      missing.push(type);
      continue;
    }
    const used = (schema.usesType.forward[r.$id] || []).map((x) => typeDefs.get(x.$id));
    const names = new Map(used.map((t) => [t.$id, t.name]));
    const entry = { ...shape(r.properties, names), attributes: Object.keys(r.attributes).sort() };
    const types = {};
    for (const t of [...used].sort((a, b) => a.name.localeCompare(b.name))) {
      types[t.name] = shape(t.properties, names);
    }
    if (Object.keys(types).length > 0) entry.types = types;
    facts[type] = entry;
  }
  if (missing.length > 0) {
    console.error(`not in ${PACKAGE}: ${missing.join(', ')}`);
  }
  return facts;
}

/** Property types, required and create-only (causesReplacement yes) / conditional (maybe) names of one object. */
function shape(properties, names) {
  const out = { properties: {} };
  const required = [];
  const createOnly = [];
  const conditional = [];
  for (const name of Object.keys(properties).sort()) {
    const p = properties[name];
    out.properties[name] = typeOf(p.type, names);
    if (p.required) required.push(name);
    if (p.causesReplacement === 'yes') createOnly.push(name);
    if (p.causesReplacement === 'maybe') conditional.push(name);
  }
  if (required.length) out.required = required;
  if (createOnly.length) out.createOnly = createOnly;
  if (conditional.length) out.conditionalReplacement = conditional;
  return out;
}

function typeOf(t, names) {
  switch (t.type) {
    case 'string': case 'integer': case 'number': case 'boolean': case 'json': case 'tag':
      return t.type;
    case 'date-time':
      return 'timestamp';
    case 'array':
      return `list<${typeOf(t.element, names)}>`;
    case 'map':
      return `map<${typeOf(t.element, names)}>`;
    case 'union':
      return t.types.map((x) => typeOf(x, names)).join('|');
    case 'ref': {
      const name = names.get(t.reference.$ref);
      if (!name) throw new Error(`unresolved type reference ${t.reference.$ref}`);
      return name;
    }
    default:
      throw new Error(`unknown property type ${JSON.stringify(t)}`);
  }
}

/** One resource type per line, so a refresh shows up in git as a change per type. */
function render(facts) {
  const lines = Object.entries(facts).map(([type, f]) => `  ${JSON.stringify(type)}: ${JSON.stringify(f)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

function source(pkg, packed, types) {
  return `# Resource schema facts: where they come from

- Package: \`${pkg.name}\` version \`${pkg.version}\` from the npm registry (${pkg.repository?.url ?? ''})
- Tarball integrity: \`${packed.integrity}\`
- Licence: ${pkg.license} (full text in \`LICENSE\` beside this file)
- Extracted: ${new Date().toISOString().slice(0, 10)}, by \`node src/tools/resource-schemas/update.mjs ${pkg.version}\`
- Kept: for each resource type below, property names and types, nested types, required and create-only
  properties, and the attributes \`Fn::GetAtt\` may read. Documentation text is left out.

To update: from the project root run \`node src/tools/resource-schemas/update.mjs\` (newest version; needs Node
and npm), then \`mvn -q -o -B test -Dtest='ResourceSchemasTest,StackTemplatesValidateTest,SchemaValidationMatrixTest'\`
and commit the three files.

Types (${types.length}): ${types.join(', ')}
`;
}

main();
