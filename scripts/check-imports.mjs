#!/usr/bin/env node
// `npm test` runs this: no import cycle between files (type-only imports count) or between workspaces, no import
// of another workspace it does not declare, and nothing outside test/ imports from test/. Usage: check-imports.mjs [root]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? '.');
const SOURCE = /\.(?:ts|tsx|mts|js|mjs)$/;
const SKIP = new Set(['node_modules', 'dist', '.turbo']);
const TEST_WORKSPACE = 'test';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const workspaces = (readJson(join(root, 'package.json')).workspaces ?? []).map((dir) => {
  const manifest = readJson(join(root, dir, 'package.json'));
  return { dir, name: manifest.name, manifest, path: join(root, dir) };
});
const byName = new Map(workspaces.map((workspace) => [workspace.name, workspace]));
const workspaceOf = (file) =>
  workspaces.find((workspace) => file === workspace.path || file.startsWith(workspace.path + sep));
const show = (file) => relative(root, file);

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function asFile(path) {
  const candidates = [path, `${path}.ts`, `${path}.tsx`, join(path, 'index.ts')];
  if (path.endsWith('.js')) candidates.push(path.replace(/\.js$/, '.ts'));
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** The file an import names inside the repo, or undefined for Node built-ins and npm packages. */
function resolveImport(from, specifier) {
  if (specifier.startsWith('.')) return asFile(resolve(dirname(from), specifier));
  const [scope, name, ...rest] = specifier.split('/');
  const workspace = byName.get(`${scope}/${name}`);
  if (!workspace) return undefined;
  const exports = workspace.manifest.exports ?? {};
  const target = typeof exports === 'string' ? exports : exports[['.', ...rest].join('/')];
  return target ? asFile(join(workspace.path, target)) : undefined;
}

/** Every module a file imports (static, type-only, re-exports, `import()`), then files it names by `new URL(…, import.meta.url)`. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const imports = ts.preProcessFile(text, true, true).importedFiles.map((entry) => entry.fileName);
  const urls = [...text.matchAll(/new URL\(\s*['"`]([^'"`]+)['"`]\s*,\s*import\.meta\.url/g)].map(
    (match) => match[1],
  );
  return { imports, urls };
}

const problems = [];
const graph = new Map();
for (const workspace of workspaces) {
  const declared = new Set(Object.keys({ ...workspace.manifest.dependencies, ...workspace.manifest.devDependencies })); // prettier-ignore
  for (const file of sourceFiles(workspace.path)) {
    const edges = new Set();
    const { imports, urls } = importsOf(file);
    for (const specifier of [...imports, ...urls]) {
      const target = resolveImport(file, specifier) ?? (specifier.startsWith('.') ? resolve(dirname(file), specifier) : undefined); // prettier-ignore
      if (!target) continue;
      const owner = workspaceOf(target);
      if (owner?.dir === TEST_WORKSPACE && workspace.dir !== TEST_WORKSPACE)
        problems.push(`${show(file)} uses ${specifier}: only test/ may use test/; move what it needs to a workspace such as demo/`); // prettier-ignore
      else if (owner && owner !== workspace && !declared.has(owner.name) && imports.includes(specifier))
        problems.push(`${show(file)} imports ${specifier} from ${owner.name}, which ${workspace.dir}/package.json does not list: add it to "dependencies" and import it by package name`); // prettier-ignore
      if (SOURCE.test(target) && existsSync(target)) edges.add(target);
    }
    graph.set(file, [...edges]);
  }
}

/** Strongly connected components with more than one member (or a file importing itself), by Tarjan's algorithm. */
function cycles(nodes, edgesOf) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of edgesOf(node)) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node), low.get(target)));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node), index.get(target)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || edgesOf(node).includes(node)) found.push(component);
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return found;
}

/** One concrete loop through a component, as the chain a reader follows to see it. */
function loopThrough(component, edgesOf) {
  const members = new Set(component);
  const start = component[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const target of edgesOf(node)) {
      if (target === start) {
        const chain = [start];
        for (let at = node; at !== start; at = previous.get(at)) chain.splice(1, 0, at);
        return [...chain, start];
      }
      if (members.has(target) && !previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return component;
}

const fileEdges = (file) => graph.get(file) ?? [];
for (const component of cycles([...graph.keys()], fileEdges))
  problems.push(`import cycle: ${loopThrough(component, fileEdges).map(show).join(' → ')}`);

const packageGraph = new Map(workspaces.map((workspace) => [workspace.name, new Set()]));
for (const workspace of workspaces)
  for (const name of Object.keys({
    ...workspace.manifest.dependencies,
    ...workspace.manifest.devDependencies,
  }))
    if (byName.has(name)) packageGraph.get(workspace.name).add(name);
for (const [file, targets] of graph)
  for (const target of targets) {
    const [from, to] = [workspaceOf(file), workspaceOf(target)];
    if (from && to && from !== to) packageGraph.get(from.name).add(to.name);
  }
const packageEdges = (name) => [...packageGraph.get(name)];
for (const component of cycles([...packageGraph.keys()], packageEdges))
  problems.push(`workspace cycle: ${loopThrough(component, packageEdges).join(' → ')}`);

if (problems.length > 0) {
  console.error(
    `Import rules broken (${problems.length}):\n${problems.map((line) => `  - ${line}`).join('\n')}`,
  );
  process.exit(1);
}
console.log(
  `Import rules hold: ${graph.size} files in ${workspaces.length} workspaces, no cycle, no import from test/.`,
);
