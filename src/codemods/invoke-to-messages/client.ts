/**
 * One `AnthropicBedrockMantle` client per module, next to the imports, with the region and static credentials
 * of the file's `BedrockRuntimeClient` configuration carried over (mantle-client.ts options: `awsRegion`,
 * `awsAccessKey`, `awsSecretAccessKey`, `awsSessionToken`). What cannot be carried is returned as notes.
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import {
  findRuntimeBindings,
  getPropertyValue,
  isPlainProperty,
  keyName,
  makeProperty,
  refersToExport,
  unwrapExpression,
  type AnyNode,
} from '../../ast/bedrock';
import { MANTLE_PACKAGE } from './surface';

const CLASS = 'AnthropicBedrockMantle';
const CREDENTIAL_KEYS: Record<string, string> = {
  accessKeyId: 'awsAccessKey',
  secretAccessKey: 'awsSecretAccessKey',
  sessionToken: 'awsSessionToken',
};

/**
 * Values that mean the same next to the module-level client: literals, `process.env.X` and module-level
 * constants, combined.
 */
function portable(node: AnyNode, topLevel: ReadonlySet<string> = new Set()): boolean {
  const n = unwrapExpression(node);
  if (!n) return false;
  const p = (x: AnyNode) => portable(x, topLevel);
  if (['StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'Literal'].includes(n.type)) return true;
  if (n.type === 'Identifier') return n.name === 'undefined' || topLevel.has(n.name);
  if (n.type === 'TemplateLiteral') return n.expressions.every(p);
  if (n.type === 'LogicalExpression' || n.type === 'BinaryExpression') return p(n.left) && p(n.right);
  if (n.type === 'ConditionalExpression') return p(n.test) && p(n.consequent) && p(n.alternate);
  if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') {
    const o = n.object;
    return o.type === 'MemberExpression' && o.object.type === 'Identifier' && o.object.name === 'process' && o.property.name === 'env';
  }
  return false;
}

/** The options object for the mantle client, from the first `new BedrockRuntimeClient(config)`. */
export interface MantleOptions {
  options: AnyNode[];
  notes: string[];
  /** The module-level statement that creates the BedrockRuntimeClient: the Mantle client goes right after it. */
  after?: AnyNode;
}

export function mantleOptions(j: JSCodeshift, root: Collection): MantleOptions {
  const bindings = findRuntimeBindings(j, root);
  const notes: string[] = [];
  const options: AnyNode[] = [];
  const constructions = root
    .find(j.NewExpression)
    .filter((p) => refersToExport(bindings, (p.node as AnyNode).callee, 'BedrockRuntimeClient') || refersToExport(bindings, (p.node as AnyNode).callee, 'BedrockRuntime'))
    .paths() as AnyNode[];
  if (constructions.length === 0) {
    notes.push('no BedrockRuntimeClient is created in this file: the Mantle client takes its region and credentials from the environment');
    return { options, notes };
  }
  if (constructions.length > 1) notes.push('several BedrockRuntimeClient configurations: the Mantle client carries the first one');
  let statement: AnyNode = constructions[0];
  while (statement.parent && statement.parent.node.type !== 'Program') statement = statement.parent;
  const program: AnyNode = root.find(j.Program).nodes()[0];
  const moduleLevel = statement.parent?.node.type === 'Program';
  const after = moduleLevel ? statement.node : undefined;
  // Constants declared before the client are in scope right after it.
  const topLevel = new Set<string>();
  if (after) {
    for (const s of program.body.slice(0, program.body.indexOf(after))) {
      if (s.type === 'VariableDeclaration' && s.kind === 'const') for (const d of s.declarations) if (d.id.type === 'Identifier') topLevel.add(d.id.name);
    }
  }
  const config = unwrapExpression(constructions[0].node.arguments[0]);
  if (!config) return { options, notes, after };
  if (config.type !== 'ObjectExpression') {
    notes.push('the BedrockRuntimeClient configuration is not an object literal: region and credentials were not carried to the Mantle client');
    return { options, notes, after };
  }
  for (const prop of config.properties) {
    const key = isPlainProperty(prop) ? keyName(prop) : undefined;
    if (key === 'region' && portable(prop.value, topLevel)) options.push(makeProperty(j, 'awsRegion', prop.value));
    else if (key === 'credentials' && unwrapExpression(prop.value).type === 'ObjectExpression') {
      const creds = unwrapExpression(prop.value);
      const carried = Object.entries(CREDENTIAL_KEYS).filter(([from]) => getPropertyValue(creds, from) !== undefined);
      if (carried.every(([from]) => portable(getPropertyValue(creds, from), topLevel))) {
        for (const [from, to] of carried) options.push(makeProperty(j, to, getPropertyValue(creds, from)));
      } else notes.push('credentials from local values were not carried to the Mantle client (it uses the default AWS credential chain)');
    } else {
      notes.push(`BedrockRuntimeClient option \`${key ?? '…'}\` was not carried to the Mantle client (it has no such option or the value is local)`);
    }
  }
  return { options, notes, after };
}

function isEsm(j: JSCodeshift, root: Collection): boolean {
  return root.find(j.ImportDeclaration).size() > 0 || root.find(j.TSImportEqualsDeclaration).size() > 0;
}

function usedNames(j: JSCodeshift, root: Collection): Set<string> {
  return new Set(root.find(j.Identifier).nodes().map((n) => (n as AnyNode).name as string));
}

/** An existing module-level `const x = new AnthropicBedrockMantle(...)`, by variable name. */
function existingClient(j: JSCodeshift, root: Collection, className: string): string | undefined {
  const program: AnyNode = root.find(j.Program).nodes()[0];
  for (const statement of program.body) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const d of statement.declarations) {
      const init = unwrapExpression(d.init);
      if (d.id.type === 'Identifier' && init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === className) return d.id.name;
    }
  }
  return undefined;
}

/** The local name of an existing import of the class, if any. */
function importedClass(j: JSCodeshift, root: Collection): string | undefined {
  const bindings = findRuntimeBindings(j, root, MANTLE_PACKAGE);
  for (const [local, exported] of bindings.named) if (exported === CLASS) return local;
  return undefined;
}

/** Index after the last top-level import / require of a module. */
function afterImports(program: AnyNode): number {
  let at = 0;
  program.body.forEach((s: AnyNode, i: number) => {
    const isRequire =
      s.type === 'VariableDeclaration' &&
      s.declarations.some((d: AnyNode) => {
        let init = unwrapExpression(d.init);
        if (init?.type === 'MemberExpression') init = init.object;
        if (init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === '__importDefault') init = init.arguments[0];
        return init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require';
      });
    if (s.type === 'ImportDeclaration' || s.type === 'TSImportEqualsDeclaration' || isRequire) at = i + 1;
    // A 'use strict' directive or tsc's `Object.defineProperty(exports, "__esModule", …)` preamble stays first.
    else if (at === i && s.type === 'ExpressionStatement' && (s.directive || s.expression?.type === 'StringLiteral' || /defineProperty/.test(String(s.expression?.callee?.property?.name)))) at = i + 1;
  });
  return at;
}

/**
 * Makes sure the module has the client and returns its variable name. `options` are used only when the
 * client is created here.
 */
export function ensureMantleClient(j: JSCodeshift, root: Collection, carried: MantleOptions, quote: 'single' | 'double'): string {
  const options = carried.options;
  const program: AnyNode = root.find(j.Program).nodes()[0];
  let className = importedClass(j, root);
  const existing = className && existingClient(j, root, className);
  if (existing) return existing;
  const names = usedNames(j, root);
  const q = quote === 'single' ? "'" : '"';
  const lines: string[] = [];
  if (!className) {
    className = CLASS;
    lines.push(importLine(j, root, q));
  }
  let name = 'mantle';
  for (let i = 2; names.has(name); i++) name = `mantle${i}`;
  // Printed from text, so the new lines read as people write them (one line, the file's quotes).
  const args = options.map((p) => `${keyName(p)}: ${j(p.value).toSource({ quote })}`).join(', ');
  lines.push(`const ${name} = new ${className}(${args ? `{ ${args} }` : ''});`);
  const parsed: AnyNode[] = (j(lines.join('\n')).find(j.Program).nodes()[0] as AnyNode).body;
  const clientStatement = parsed.pop();
  const imports = afterImports(program);
  program.body.splice(imports, 0, ...parsed);
  const at = carried.after ? program.body.indexOf(carried.after) : -1;
  program.body.splice(at >= 0 ? Math.max(at + 1, imports + parsed.length) : imports + parsed.length, 0, clientStatement);
  return name;
}

function importLine(j: JSCodeshift, root: Collection, q: string): string {
  return isEsm(j, root) ? `import { ${CLASS} } from ${q}${MANTLE_PACKAGE}${q};` : `const { ${CLASS} } = require(${q}${MANTLE_PACKAGE}${q});`;
}

/** The local name `AnthropicBedrockMantle` has (or will have once ensureMantleImport adds it). */
export function mantleClassName(j: JSCodeshift, root: Collection): string {
  return importedClass(j, root) ?? CLASS;
}

/** Makes sure the module imports `AnthropicBedrockMantle` (after its other imports) and returns its local name. */
export function ensureMantleImport(j: JSCodeshift, root: Collection, quote: 'single' | 'double'): string {
  const existing = importedClass(j, root);
  if (existing) return existing;
  const program: AnyNode = root.find(j.Program).nodes()[0];
  const parsed: AnyNode[] = (j(importLine(j, root, quote === 'single' ? "'" : '"')).find(j.Program).nodes()[0] as AnyNode).body;
  // Without the location of the text it was parsed from, recast prints it as a statement of its own.
  for (const s of parsed) {
    delete s.loc;
    delete s.start;
    delete s.end;
  }
  program.body.splice(afterImports(program), 0, ...parsed);
  return CLASS;
}
