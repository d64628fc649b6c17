'use strict';
/**
 * Ordinary application code for the generated tree: React components, Express routes, utilities,
 * services, tests, type files, hooks and reducers. Sizes vary with the number of parts each file gets.
 * `r` is the seeded random source from random.js; `ts` selects TypeScript or JavaScript.
 */
const { NOUNS, VERBS, ADJECTIVES, cap, camel, pascal } = require('./random');

const t = (ts, typed, plain = '') => (ts ? typed : plain);

function fields(r, count) {
  const kinds = ['string', 'number', 'boolean', 'string[]', 'Date', "'draft' | 'published' | 'archived'", 'Record<string, number>'];
  const out = [];
  for (let i = 0; i < count; i++) out.push(`  ${camel(r.pick(ADJECTIVES), r.pick(NOUNS))}${i % 4 === 3 ? '?' : ''}: ${r.pick(kinds)};`);
  return out;
}

function reactComponent(r, { noun, ts }) {
  const Name = pascal(noun, r.pick(['list', 'card', 'panel', 'form', 'table', 'dialog', 'summary']));
  const parts = r.int(1, 6);
  const items = [];
  const subs = [];
  for (let i = 0; i < parts; i++) {
    const sub = pascal(r.pick(ADJECTIVES), noun, 'row', String(i));
    subs.push(sub);
    items.push(`function ${sub}({ item, onSelect }${t(ts, `: { item: ${pascal(noun)}; onSelect: (id: string) => void }`)}) {
  const [open, setOpen] = useState(false);
  const label = useMemo(() => item.name.trim() || 'Untitled', [item.name]);
  return (
    <li className={open ? 'row row--open' : 'row'} onClick={() => setOpen((v) => !v)}>
      <span className="row__label">{label}</span>
      {open && (
        <button type="button" onClick={() => onSelect(item.id)}>
          Select
        </button>
      )}
    </li>
  );
}`);
  }
  return `import React, { useEffect, useMemo, useState } from 'react';
import { ${camel('fetch', noun)}s } from '../api/${noun}';
${t(ts, `import type { ${pascal(noun)} } from '../types/${noun}';\n`)}
${t(ts, `export interface ${Name}Props {\n  title: string;\n  pageSize?: number;\n  onSelect(id: string): void;\n}\n`)}
${items.join('\n\n')}

export function ${Name}({ title, pageSize = ${r.int(5, 50)}, onSelect }${t(ts, `: ${Name}Props`)}) {
  const [items, setItems] = useState${t(ts, `<${pascal(noun)}[]>`)}([]);
  const [error, setError] = useState${t(ts, '<string | null>')}(null);

  useEffect(() => {
    let cancelled = false;
    ${camel('fetch', noun)}s({ limit: pageSize })
      .then((rows) => !cancelled && setItems(rows))
      .catch((e) => !cancelled && setError(String(e)));
    return () => {
      cancelled = true;
    };
  }, [pageSize]);

  if (error) return <p role="alert">Could not load: {error}</p>;
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {items.map((item) => (
          <${subs[0]} key={item.id} item={item} onSelect={onSelect} />
        ))}
      </ul>
    </section>
  );
}

export default ${Name};
`;
}

function expressRoutes(r, { noun, ts, esm }) {
  const routes = [];
  const count = r.int(2, 9);
  for (let i = 0; i < count; i++) {
    const verb = r.pick(['get', 'post', 'put', 'delete', 'patch']);
    const action = r.pick(VERBS);
    routes.push(`router.${verb}('/${noun}s${i % 2 ? '/:id' : ''}/${action}', async (req${t(ts, ': Request')}, res${t(ts, ': Response')}, next${t(ts, ': NextFunction')}) => {
  try {
    const ${camel(noun, 'id')} = req.params.id ?? req.query.id;
    if (${i % 2 ? `!${camel(noun, 'id')}` : 'false'}) return res.status(400).json({ error: 'missing id' });
    const result = await service.${camel(action, noun)}(${camel(noun, 'id')}, req.body);
    res.status(${verb === 'post' ? 201 : 200}).json({ data: result, page: Number(req.query.page ?? 1) });
  } catch (err) {
    next(err);
  }
});`);
  }
  const head = esm || ts
    ? `import { Router${t(ts, ', type Request, type Response, type NextFunction')} } from 'express';\nimport { ${pascal(noun, 'service')} } from '../services/${noun}-service';`
    : `const { Router } = require('express');\nconst { ${pascal(noun, 'service')} } = require('../services/${noun}-service');`;
  const tail = esm || ts ? 'export default router;' : 'module.exports = router;';
  return `${head}

const router = Router();
const service = new ${pascal(noun, 'service')}();

${routes.join('\n\n')}

${tail}
`;
}

function utility(r, { noun, ts }) {
  const fns = [];
  const count = r.int(2, 14);
  for (let i = 0; i < count; i++) {
    const name = camel(r.pick(VERBS), r.pick(ADJECTIVES), noun + (i || ''));
    switch (i % 4) {
      case 0:
        fns.push(`export function ${name}(values${t(ts, ': number[]')}, precision = ${r.int(0, 4)})${t(ts, ': number')} {
  if (values.length === 0) return 0;
  const total = values.reduce((sum, v) => sum + v, 0);
  return Number((total / values.length).toFixed(precision));
}`);
        break;
      case 1:
        fns.push(`export const ${name} = (input${t(ts, ': string')})${t(ts, ': string')} =>
  input
    .normalize('NFKD')
    .replace(/[\\u0300-\\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');`);
        break;
      case 2:
        fns.push(`export function ${name}${t(ts, '<T extends { id: string }>')}(rows${t(ts, ': T[]')}, key${t(ts, ': keyof T')})${t(ts, ': Map<unknown, T[]>')} {
  const groups = new Map${t(ts, '<unknown, T[]>')}();
  for (const row of rows) {
    const k = row[key];
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}`);
        break;
      default:
        fns.push(`/** Retries \`fn\` with exponential backoff (${r.int(2, 6)} attempts). */
export async function ${name}${t(ts, '<T>')}(fn${t(ts, ': () => Promise<T>')}, attempts = ${r.int(2, 6)})${t(ts, ': Promise<T>')} {
  let lastError${t(ts, ': unknown')};
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await fn();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * ${r.int(50, 250)}));
    }
  }
  throw lastError;
}`);
    }
  }
  return `${fns.join('\n\n')}\n`;
}

function serviceClass(r, { noun, ts }) {
  const Name = pascal(noun, 'service');
  const methods = [];
  const count = r.int(2, 10);
  for (let i = 0; i < count; i++) {
    const action = VERBS[(i * 7) % VERBS.length];
    methods.push(`  async ${camel(action, noun)}(id${t(ts, ': string')}, patch${t(ts, `: Partial<${pascal(noun)}> = {}`, ' = {}')})${t(ts, `: Promise<${pascal(noun)} | undefined>`)} {
    const existing = this.cache.get(id) ?? (await this.db.findOne('${noun}s', { id }));
    if (!existing) return undefined;
    const next = { ...existing, ...patch, updatedAt: new Date() };
    this.cache.set(id, next);
    this.log.debug('${action} ${noun}', { id, fields: Object.keys(patch).length });
    return next;
  }`);
  }
  return `${t(ts, `import type { Database, Logger } from '../lib/infra';\nimport type { ${pascal(noun)} } from '../types/${noun}';\n`)}
export class ${Name} {
  ${t(ts, `private readonly cache = new Map<string, ${pascal(noun)}>();`, 'cache = new Map();')}

  constructor(${t(ts, 'private readonly db: Database, private readonly log: Logger', 'db, log')}) {${t(ts, '', '\n    this.db = db;\n    this.log = log;\n  ')}}

${methods.join('\n\n')}
}
`;
}

function testFile(r, { noun, ts }) {
  const cases = [];
  const count = r.int(2, 12);
  for (let i = 0; i < count; i++) {
    cases.push(`  it('${r.pick(VERBS)}s ${r.pick(ADJECTIVES)} ${noun}s (${i})', async () => {
    const input = [{ id: 'a${i}', score: ${r.int(1, 99)} }, { id: 'b${i}', score: ${r.int(1, 99)} }];
    const out = await subject(input${t(ts, ' as never')});
    expect(out).toHaveLength(${i % 3});
    expect(mockDb.save).toHaveBeenCalledTimes(${i % 2});
  });`);
  }
  return `import { describe, expect, it, vi, beforeEach } from 'vitest';
import { ${camel('list', noun)}s as subject } from '../${noun}';

const mockDb = { save: vi.fn(), find: vi.fn() };

describe('${noun}', () => {
  beforeEach(() => {
    vi.resetAllMocks();
  });

${cases.join('\n\n')}
});
`;
}

function typesFile(r, { noun }) {
  const blocks = [];
  const count = r.int(1, 8);
  for (let i = 0; i < count; i++) {
    const n = i === 0 ? pascal(noun) : pascal(noun, r.pick(['input', 'filter', 'summary', 'event', 'dto', 'page']), String(i));
    blocks.push(`export interface ${n} {\n  id: string;\n${fields(r, r.int(2, 9)).join('\n')}\n}`);
  }
  blocks.push(`export enum ${pascal(noun, 'status')} {\n  Draft = 'draft',\n  Active = 'active',\n  Closed = 'closed',\n}`);
  blocks.push(`export type ${pascal(noun, 'id')} = string & { readonly __brand: '${noun}' };`);
  return `${blocks.join('\n\n')}\n`;
}

function reducer(r, { noun, ts }) {
  const actions = VERBS.slice(0, r.int(3, 8));
  return `${t(ts, `type State = { items: Record<string, unknown>; loading: boolean; error?: string };\ntype Action = ${actions.map((a) => `{ type: '${noun}/${a}'; payload?: unknown }`).join(' | ')};\n\n`)}const initialState${t(ts, ': State')} = { items: {}, loading: false };

export function ${camel(noun, 'reducer')}(state = initialState, action${t(ts, ': Action')})${t(ts, ': State')} {
  switch (action.type) {
${actions.map((a, i) => `    case '${noun}/${a}':\n      return { ...state, loading: ${i % 2 === 0}, items: { ...state.items, last: action.payload } };`).join('\n')}
    default:
      return state;
  }
}
`;
}

function packageJson(r, { noun }) {
  return `${JSON.stringify({
    name: `@acme/${noun}`,
    version: `${r.int(0, 3)}.${r.int(0, 20)}.${r.int(0, 9)}`,
    private: true,
    main: 'dist/index.js',
    scripts: { build: 'tsc -p .', test: 'vitest run' },
    dependencies: { express: '^5.0.0', react: '^19.0.0', zod: '^4.0.0' },
  }, null, 2)}\n`;
}

function yamlConfig(r, { noun }) {
  return `service: ${noun}-api\nreplicas: ${r.int(1, 6)}\nresources:\n  cpu: ${r.int(1, 4)}00m\n  memory: ${r.int(1, 8)}Gi\nfeatures:\n  ${noun}Cache: ${r.chance(0.5)}\n  auditLog: true\n`;
}

/** A large generated data module (fixtures, i18n tables), the kind every repository has a few of. */
function dataTable(r, { noun, ts }) {
  const rows = [];
  const count = r.int(300, 1200);
  for (let i = 0; i < count; i++) rows.push(`  { id: '${noun}-${i}', label: '${cap(r.pick(ADJECTIVES))} ${r.pick(NOUNS)} ${i}', weight: ${r.int(1, 1000)}, enabled: ${r.chance(0.8)} },`);
  return `// Generated by scripts/gen-${noun}-table.js. Do not edit.\nexport const ${noun.toUpperCase()}_TABLE${t(ts, ': ReadonlyArray<{ id: string; label: string; weight: number; enabled: boolean }>')} = [\n${rows.join('\n')}\n];\n`;
}

module.exports = { reactComponent, expressRoutes, utility, serviceClass, testFile, typesFile, reducer, packageJson, yamlConfig, dataTable };
