'use strict';
/**
 * Generates a repository-like tree: a monorepo of packages, each with React components, Express routes,
 * utilities, services, reducers, type files, tests and config, plus a few large generated modules,
 * decoy files that mention Claude-related words without being Bedrock code, and about `callerRate`
 * of files that really call Claude on Bedrock. The same seed always gives the same tree.
 */
const fs = require('node:fs');
const path = require('node:path');
const { rng, NOUNS } = require('./random');
const app = require('./app-templates');
const { CALLERS, CONFIGS, DECOYS } = require('./bedrock-templates');

/** Ordinary file kinds: template, weight, directory, and the extensions they use. */
const KINDS = [
  { make: app.reactComponent, weight: 20, dir: 'components', exts: ['.tsx', '.tsx', '.tsx', '.jsx'], suffix: '' },
  { make: app.expressRoutes, weight: 10, dir: 'routes', exts: ['.ts', '.ts', '.js', '.mjs', '.cjs'], suffix: '-routes' },
  { make: app.utility, weight: 20, dir: 'utils', exts: ['.ts', '.ts', '.js', '.mjs'], suffix: '-utils' },
  { make: app.serviceClass, weight: 10, dir: 'services', exts: ['.ts', '.ts', '.js'], suffix: '-service' },
  { make: app.testFile, weight: 16, dir: '__tests__', exts: ['.test.ts', '.test.ts', '.spec.js', '.test.tsx'], suffix: '' },
  { make: app.typesFile, weight: 8, dir: 'types', exts: ['.ts'], suffix: '' },
  { make: app.reducer, weight: 6, dir: 'store', exts: ['.ts', '.js'], suffix: '-slice' },
  { make: app.yamlConfig, weight: 1, dir: 'config', exts: ['.yaml'], suffix: '' },
  { make: app.dataTable, weight: 0.5, dir: 'generated', exts: ['.ts', '.js'], suffix: '-table' },
];
const DECOY_RATE = 0.03;
const FILES_PER_PACKAGE = 250;

function weighted(r, list) {
  const total = list.reduce((s, k) => s + k.weight, 0);
  let x = r.next() * total;
  for (const k of list) {
    x -= k.weight;
    if (x < 0) return k;
  }
  return list[list.length - 1];
}

const LANG_EXT = { ts: '.ts', js: '.js', mjs: '.mjs', cjs: '.cjs' };

/**
 * Writes about `files` files the runner considers (scripts and config files) under `root`, plus a few it
 * must not read (node_modules, dist, .d.ts). Returns what was written, with the paths of the files that
 * must change (`expectedChanged`, relative, forward slashes).
 */
function generateTree(root, { files, callerRate = 0.01, seed = 42 }) {
  const r = rng(seed);
  const stats = { considered: 0, bytes: 0, callers: 0, configCallers: 0, decoys: 0, byExtension: {}, callerShapes: {} };
  const expectedChanged = [];
  const dirsMade = new Set();
  const write = (rel, text, considered = true) => {
    const abs = path.join(root, rel);
    const dir = path.dirname(abs);
    if (!dirsMade.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      dirsMade.add(dir);
    }
    fs.writeFileSync(abs, text);
    if (!considered) return;
    stats.considered++;
    stats.bytes += Buffer.byteLength(text);
    const ext = path.extname(rel) || path.basename(rel);
    stats.byExtension[ext] = (stats.byExtension[ext] ?? 0) + 1;
  };

  write('package.json', `${JSON.stringify({ name: 'acme-platform', private: true, workspaces: ['packages/*'] }, null, 2)}\n`);
  write('tsconfig.json', `${JSON.stringify({ compilerOptions: { strict: true, jsx: 'react-jsx', module: 'nodenext', target: 'es2022' } }, null, 2)}\n`);
  write('.gitignore', 'node_modules/\ndist/\n*.log\n', false);
  // Dependencies and build output: the runner must not read them (and the jscodeshift runs ignore them).
  for (let i = 0; i < 20; i++) {
    write(`node_modules/dep-${i}/index.js`, CALLERS[0].make(r, { noun: 'dep', ts: false }), false);
    write(`packages/pkg-0/dist/chunk-${i}.js`, app.utility(r, { noun: 'chunk', ts: false }), false);
  }

  let pkg = -1;
  let inPackage = FILES_PER_PACKAGE;
  const used = new Set();
  const unique = (rel) => {
    let candidate = rel;
    for (let n = 2; used.has(candidate); n++) candidate = rel.replace(/(\.[^./]+(?:\.[^./]+)?)$/, `-${n}$1`);
    used.add(candidate);
    return candidate;
  };
  while (stats.considered < files) {
    if (inPackage >= FILES_PER_PACKAGE) {
      pkg++;
      inPackage = 1;
      write(`packages/pkg-${pkg}/package.json`, app.packageJson(r, { noun: NOUNS[pkg % NOUNS.length] }));
      write(`packages/pkg-${pkg}/src/types.d.ts`, `declare module '*.svg' {\n  const url: string;\n  export default url;\n}\n`, false);
      continue;
    }
    inPackage++;
    const noun = r.pick(NOUNS);
    const feature = r.pick(NOUNS);
    const base = `packages/pkg-${pkg}/src`;
    const roll = r.next();
    if (roll < callerRate) {
      // A real caller; one in six of them is a config file with a model ID.
      if (r.chance(1 / 6)) {
        const shape = r.pick(CONFIGS);
        const rel = unique(`${base}/../${shape.name === 'env' ? `deploy/${noun}` : 'config'}/${shape.name === 'env' ? shape.file : `${noun}-${shape.file}`}`);
        write(path.normalize(rel), shape.make(r));
        expectedChanged.push(path.normalize(rel).split(path.sep).join('/'));
        stats.configCallers++;
        stats.callerShapes[shape.name] = (stats.callerShapes[shape.name] ?? 0) + 1;
      } else {
        const shape = weighted(r, CALLERS);
        const lang = r.pick(shape.langs);
        const rel = unique(`${base}/${r.pick(['ai', 'services', 'routes', 'lambdas'])}/${feature}/${noun}-${shape.name}${LANG_EXT[lang]}`);
        write(rel, shape.make(r, { noun, ts: lang === 'ts' }));
        expectedChanged.push(rel);
        stats.callerShapes[shape.name] = (stats.callerShapes[shape.name] ?? 0) + 1;
      }
      stats.callers++;
    } else if (roll < callerRate + DECOY_RATE) {
      const ts = r.chance(0.7);
      const make = r.pick(DECOYS);
      write(unique(`${base}/misc/${noun}-${feature}${ts ? '.ts' : '.js'}`), make(r, { noun, ts }));
      stats.decoys++;
    } else {
      const kind = weighted(r, KINDS);
      const ext = r.pick(kind.exts);
      const ts = ext.includes('ts');
      const rel = unique(`${base}/${kind.dir}/${feature}/${noun}${kind.suffix}${ext}`);
      write(rel, kind.make(r, { noun, ts, esm: ext === '.mjs' }));
    }
  }
  return { stats, expectedChanged };
}

module.exports = { generateTree };
