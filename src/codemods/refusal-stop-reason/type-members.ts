/**
 * Stop reasons spelled out as data: union types and enums get the `refusal` member; maps keyed by stop
 * reason (object literals, `new Map([...])`) need a value for it, which only a person can choose: marker.
 *
 * A union or enum that keys a `Record<…>` (or a mapped type) in the same file is not extended: the map would
 * stop type-checking until someone writes its refusal entry, so both get a marker instead.
 */
import type { ASTPath } from 'jscodeshift';
import { keyName, type AnyNode } from '../../ast/bedrock';
import { record } from './handling';
import type { Run } from './resolve';
import { contains, KNOWN_STOP_REASONS, REFUSAL, shapeOfValues, stringValue, type Shape } from './shared';

const MAP_TODO = 'add an entry for it to this map (its value is yours to choose)';

/** Collects local enums and string-literal union aliases (needed before switches and comparisons are read). */
export function collectStopReasonTypes(run: Run): void {
  const { j, root } = run.ctx;
  root.find(j.TSEnumDeclaration).forEach((p) => {
    const decl: AnyNode = p.node;
    const members = new Map<string, string>();
    for (const m of decl.members ?? []) {
      const name = m.id.type === 'Identifier' ? m.id.name : m.id.value;
      const value = m.initializer ? stringValue(m.initializer) : undefined;
      if (value !== undefined) members.set(name, value);
    }
    if ([...members.values()].filter((v) => KNOWN_STOP_REASONS.has(v)).length >= 2) run.enums.set(decl.id.name, members);
  });
  root.find(j.TSTypeAliasDeclaration).forEach((p) => {
    const values = unionValues((p.node as AnyNode).typeAnnotation);
    if (values) run.unions.set((p.node as AnyNode).id.name, values);
  });
}

/** The string members of a union of string literal types (null / undefined allowed), when ≥2 are stop reasons. */
function unionValues(type: AnyNode): string[] | undefined {
  if (type?.type !== 'TSUnionType') return undefined;
  const values: string[] = [];
  for (const t of type.types) {
    if (t.type === 'TSLiteralType' && stringValue(t.literal) !== undefined) values.push(stringValue(t.literal)!);
    else if (t.type !== 'TSNullKeyword' && t.type !== 'TSUndefinedKeyword') return undefined;
  }
  return values.filter((v) => KNOWN_STOP_REASONS.has(v)).length >= 2 ? values : undefined;
}

/** Whether a `Record<name, …>` (not under `Partial<…>`) or a mapped type over `name` exists in the file. */
function keysAMap(run: Run, name: string): boolean {
  const { j, root } = run.ctx;
  const refersTo = (t: AnyNode): boolean => contains(t, (n) => n.type === 'TSTypeReference' && n.typeName.type === 'Identifier' && n.typeName.name === name);
  let found = false;
  root.find(j.TSTypeReference).forEach((p) => {
    const node: AnyNode = p.node;
    if (found || node.typeName.type !== 'Identifier' || node.typeName.name !== 'Record') return;
    const key = node.typeParameters?.params?.[0];
    if (!key || !refersTo(key)) return;
    const outer: AnyNode = p.parentPath?.parentPath?.node;
    const wrapper: AnyNode = p.parentPath?.parentPath?.parentPath?.node;
    if (outer?.type === 'TSTypeParameterInstantiation' && wrapper?.type === 'TSTypeReference' && wrapper.typeName.name === 'Partial') return;
    found = true;
  });
  if (!found) root.find(j.TSMappedType).forEach((p) => {
    const param: AnyNode = (p.node as AnyNode).typeParameter;
    if (!found && !(p.node as AnyNode).optional && refersTo(param.constraint)) found = true;
  });
  return found;
}

function shapeOr(run: Run, values: Iterable<string>): Shape {
  return shapeOfValues(values) ?? (run.apis.shapes.has('converse') && !run.apis.shapes.has('anthropic') ? 'converse' : 'anthropic');
}

const ADDED = { statements: [], note: '' };

/** Union types of stop reasons: `| "refusal"`. */
export function extendUnions(run: Run): void {
  const { ctx } = run;
  const { j } = ctx;
  ctx.root.find(j.TSUnionType).forEach((path) => {
    const union: AnyNode = path.node;
    const values = unionValues(union);
    if (!values || values.includes(REFUSAL) || ctx.isIgnored(path as ASTPath)) return;
    const shape = shapeOr(run, values);
    const parent: AnyNode = path.parentPath.node;
    const alias = parent.type === 'TSTypeAliasDeclaration' ? parent.id.name : undefined;
    const inRecord = parent.type === 'TSTypeParameterInstantiation';
    if (ctx.options.refusal === 'marker' || inRecord || (alias && keysAMap(run, alias))) {
      const why = inRecord || alias ? '; the Record it keys needs one too' : '';
      record(ctx, declarationOf(path as ASTPath), '', `add "refusal" to the stop reasons in this type${why}`, shape, { unavailable: '' }, false);
      return;
    }
    // Before a trailing `| null` / `| undefined`, after the other stop reasons.
    let at = union.types.length;
    while (at > 0 && ['TSNullKeyword', 'TSUndefinedKeyword'].includes(union.types[at - 1].type)) at--;
    union.types.splice(at, 0, j.tsLiteralType(j.stringLiteral(REFUSAL)));
    if (alias) run.unions.set(alias, [...values, REFUSAL]);
    record(ctx, declarationOf(path as ASTPath), 'added "refusal" to this type', '', shape, ADDED, false);
    run.changed = true;
  });
}

/** TS enums of stop reasons (and `as const` / frozen objects spelled like enums): add the refusal member. */
export function extendEnums(run: Run): void {
  const { ctx } = run;
  const { j } = ctx;
  ctx.root.find(j.TSEnumDeclaration).forEach((path) => {
    const decl: AnyNode = path.node;
    const members = run.enums.get(decl.id.name);
    if (!members || [...members.values()].includes(REFUSAL) || ctx.isIgnored(path as ASTPath)) return;
    const shape = shapeOr(run, members.values());
    if (ctx.options.refusal === 'marker' || keysAMap(run, decl.id.name)) {
      record(ctx, path as ASTPath, '', `add a refusal member to this enum${keysAMap(run, decl.id.name) ? '; the Record it keys needs one too' : ''}`, shape, { unavailable: '' }, false);
      return;
    }
    const name = memberNameFor(members);
    if (members.has(name)) return;
    const member: AnyNode = j.tsEnumMember(j.identifier(name), j.stringLiteral(REFUSAL));
    decl.members.push(member);
    members.set(name, REFUSAL);
    record(ctx, path as ASTPath, `added the ${name} member`, '', shape, ADDED, false);
    run.changed = true;
  });
  ctx.root.find(j.ObjectExpression).forEach((path) => {
    const obj: AnyNode = path.node;
    const props = obj.properties.filter((p: AnyNode) => p.type === 'ObjectProperty' || p.type === 'Property');
    const entries = props.map((p: AnyNode) => [keyName(p), stringValue(p.value)] as const);
    const enumLike = entries.filter(([k, v]: readonly [string | undefined, string | undefined]) => k && v && KNOWN_STOP_REASONS.has(v) && spell(v, k) !== undefined);
    if (enumLike.length < 2 || enumLike.length !== props.length) return;
    if (entries.some(([, v]: readonly [unknown, string | undefined]) => v === REFUSAL) || ctx.isIgnored(path as ASTPath)) return;
    const members = new Map<string, string>(enumLike.map(([k, v]: readonly [string | undefined, string | undefined]) => [k!, v!] as [string, string]));
    const shape = shapeOr(run, members.values());
    // `typeof X[keyof typeof X]` may key a Record elsewhere in the file: adding a value would break it.
    const typed = typeQueried(run, path as ASTPath);
    if (ctx.options.refusal === 'marker' || typed) {
      const why = typed ? '; its type is used by name elsewhere' : '';
      record(ctx, path as ASTPath, '', `add a refusal entry to this list of stop reasons${why}`, shape, { unavailable: '' }, false);
      return;
    }
    const name = memberNameFor(members);
    if (members.has(name)) return;
    const prop: AnyNode = j.objectProperty(j.identifier(name), j.stringLiteral(REFUSAL));
    obj.properties.push(prop);
    record(ctx, path as ASTPath, `added ${name}`, '', shape, ADDED, false);
    run.changed = true;
  });
}

type Spelling = 'upper' | 'pascal' | 'camel' | 'same';

function spell(value: string, name: string): Spelling | undefined {
  const words = value.split('_');
  if (name === value.toUpperCase()) return 'upper';
  if (name === words.map((w) => w[0].toUpperCase() + w.slice(1)).join('')) return 'pascal';
  if (name === words[0] + words.slice(1).map((w) => w[0].toUpperCase() + w.slice(1)).join('')) return 'camel';
  if (name === value) return 'same';
  return undefined;
}

/** The refusal member's name, spelled like the existing members (`REFUSAL`, `Refusal`, `refusal`). */
function memberNameFor(members: Map<string, string>): string {
  const styles = [...members].map(([k, v]) => spell(v, k)).filter(Boolean);
  // Single-word values do not tell camel from same: prefer the spelling multi-word members show.
  if (styles.includes('upper')) return 'REFUSAL';
  if (styles.includes('pascal')) return 'Refusal';
  return 'refusal';
}

/** Object literals and `new Map([...])` keyed by stop reasons, with no refusal entry: marker. */
export function markStopReasonMaps(run: Run): void {
  const { ctx } = run;
  const { j } = ctx;
  ctx.root.find(j.ObjectExpression).forEach((path) => {
    const obj: AnyNode = path.node;
    const keys = obj.properties.map((p: AnyNode) => keyName(p)).filter(Boolean) as string[];
    const known = keys.filter((k) => KNOWN_STOP_REASONS.has(k));
    if (known.length < 2 || keys.includes(REFUSAL) || ctx.isIgnored(path as ASTPath)) return;
    record(ctx, path as ASTPath, '', MAP_TODO, shapeOr(run, known), { unavailable: '' }, false);
  });
  ctx.root.find(j.NewExpression).forEach((path) => {
    const node: AnyNode = path.node;
    if (node.callee.type !== 'Identifier' || node.callee.name !== 'Map' || node.arguments[0]?.type !== 'ArrayExpression') return;
    const keys = node.arguments[0].elements.map((e: AnyNode) => (e?.type === 'ArrayExpression' ? stringValue(e.elements[0]) : undefined));
    const known = keys.filter((k: string | undefined) => k && KNOWN_STOP_REASONS.has(k)) as string[];
    if (known.length < 2 || keys.includes(REFUSAL) || ctx.isIgnored(path as ASTPath)) return;
    record(ctx, path as ASTPath, '', MAP_TODO, shapeOr(run, known), { unavailable: '' }, false);
  });
}

/**
 * The declaration a type-level marker goes on. A comment on an interface member or a nested type makes recast
 * reprint that member without its separator; on the declaration it only adds a line.
 */
function declarationOf(path: ASTPath): ASTPath {
  let p: ASTPath | null = path;
  while (p) {
    const type = p.node.type;
    if (type === 'TSTypeAliasDeclaration' || type === 'TSInterfaceDeclaration' || type === 'ClassDeclaration' || (p.parentPath && Array.isArray(p.parentPath.value) && /Program|BlockStatement/.test(p.parentPath.parentPath?.node?.type ?? p.parentPath.node.type))) {
      return p;
    }
    p = p.parentPath as ASTPath | null;
  }
  return path;
}

/** Whether the variable an object literal initialises (through `as const`, `Object.freeze(…)`) is used in a `typeof` type. */
function typeQueried(run: Run, path: ASTPath): boolean {
  let p: ASTPath | null = path.parentPath as ASTPath | null;
  while (p && ['TSAsExpression', 'TSSatisfiesExpression', 'CallExpression', 'ParenthesizedExpression'].includes(p.node.type)) {
    p = p.parentPath as ASTPath | null;
  }
  const declarator: AnyNode = p?.node;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return false;
  const { j, root } = run.ctx;
  return root.find(j.TSTypeQuery).some((q) => {
    const name: AnyNode = (q.node as AnyNode).exprName;
    return name.type === 'Identifier' && name.name === declarator.id.name;
  });
}
