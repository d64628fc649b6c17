/**
 * invoke-to-converse: `InvokeModelCommand` (and `client.invokeModel`) with an Anthropic Messages or Text
 * Completions body → `ConverseCommand` (`client.converse`), together with the handling of its response.
 *
 * Per call site, top to bottom:
 *   1. find the call: `new InvokeModelCommand(input)` sent with `client.send(...)`, or `client.invokeModel(input)`;
 *   2. plan the request rewrite (request.ts) and the response rewrite (response.ts);
 *   3. if either cannot be proven equivalent, leave the call as it is with a marker naming the reason;
 *   4. otherwise apply both, then rename the command / method.
 * Finally the imports: `ConverseCommand` is added, `InvokeModelCommand` removed when unused, and the type
 * references (`InvokeModelCommandInput` → `ConverseCommandInput`, …) follow when no InvokeModel call is left.
 */
import type { ASTPath } from 'jscodeshift';
import type { Codemod, CodemodContext } from '../../engine/types';
import {
  type AnyNode,
  type RuntimeBindings,
  declarationOf,
  disableReferenceIndex,
  enableReferenceIndex,
  ensureRuntimeExport,
  invalidateReferenceIndex,
  findAggregatedCalls,
  findCommandConstructions,
  findInvokeModelCallsByShape,
  findRuntimeBindings,
  findTypeReferences,
  getPropertyValue,
  staticString,
  referencePaths,
  refersToExport,
  removeRuntimeExportIfUnused,
  unwrapExpression,
} from '../../ast/bedrock';
import { CLAUDE, type FamilyVerdict, callFamily } from '../../bedrock/family';
import { mapInvokeRequest } from './request';
import { planResponse } from './response';

const TYPE_RENAMES: Record<string, string> = {
  InvokeModelCommandInput: 'ConverseCommandInput',
  InvokeModelCommandOutput: 'ConverseCommandOutput',
  InvokeModelRequest: 'ConverseRequest',
  InvokeModelResponse: 'ConverseResponse',
};

interface Site {
  kind: 'command' | 'aggregated';
  /** The NewExpression or the aggregated CallExpression. */
  path: ASTPath;
}

interface Ready {
  site: Site;
  /** Declarators whose InvokeModel type annotation must follow the migration. */
  annotated: AnyNode[];
  applyResponse(): void;
  applyRequest(): void;
}

const MARKER = 'InvokeModel call kept';

function run(ctx: CodemodContext): boolean {
  enableReferenceIndex(ctx.root);
  try {
    return migrate(ctx);
  } finally {
    disableReferenceIndex(ctx.root);
  }
}

function migrate(ctx: CodemodContext): boolean {
  const { j, root } = ctx;
  const bindings = findRuntimeBindings(j, root);
  const aggregated = findAggregatedCalls(j, root, bindings, 'invokeModel');
  const sites: Site[] = [
    ...findCommandConstructions(j, root, bindings, 'InvokeModelCommand').map((path) => ({ kind: 'command' as const, path })),
    ...aggregated.map((path) => ({ kind: 'aggregated' as const, path })),
    // A client made in another module: `client.invokeModel({ modelId, body })` is recognised by its input.
    ...findInvokeModelCallsByShape(j, root, 'invokeModel', aggregated).map((path) => ({ kind: 'aggregated' as const, path })),
  ];
  if (sites.length === 0) return false;

  const ready: Ready[] = [];
  let kept = 0;
  for (const site of sites) {
    if (ctx.isIgnored(site.path)) {
      kept++;
      continue;
    }
    // Titan, Llama, Cohere, … calls are not ours: no change, no marker. A gateway call is marked once.
    const family = siteFamily(ctx, site);
    if (family.kind === 'not-claude') {
      kept++;
      continue;
    }
    if (family.kind === 'mixed') {
      kept++;
      const others = family.families.filter((f) => f !== CLAUDE).join(', ');
      const why = family.families.includes(CLAUDE) ? `Claude and other model families (${others})` : `several model families (${others}, Claude perhaps)`;
      ctx.marker(site.path, `${MARKER}: one call serves ${why}`);
      continue;
    }
    let result: Ready | { reason: string };
    try {
      result = analyze(ctx, site, bindings, family);
    } catch (error) {
      // Analysis only reads the tree: an unexpected shape leaves this call as it is, the file goes on.
      kept++;
      ctx.note(`InvokeModel call not analysed (${(error as Error).message}); left as it is`, site.path, 'kept');
      continue;
    }
    if ('reason' in result) {
      kept++;
      ctx.marker(site.path, `${MARKER}: ${result.reason}`);
      continue;
    }
    ready.push(result);
  }
  if (ready.length === 0) return false;

  // Response rewrites first: the request rewrite then moves the (already rewritten) inner expressions.
  for (const r of ready) r.applyResponse();
  invalidateReferenceIndex(root);
  for (const r of ready) r.applyRequest();
  invalidateReferenceIndex(root);

  const commandSites = ready.filter((r) => r.site.kind === 'command');
  if (commandSites.length > 0) {
    const converse = ensureRuntimeExport(j, root, bindings, 'ConverseCommand', { near: 'InvokeModelCommand' });
    for (const r of commandSites) {
      const node: AnyNode = r.site.path.node;
      if (node.callee.type === 'MemberExpression') node.callee.property = j.identifier('ConverseCommand');
      else node.callee = converse ? cloneShallow(converse) : j.identifier('ConverseCommand');
    }
  }
  for (const r of ready.filter((x) => x.site.kind === 'aggregated')) {
    (r.site.path.node as AnyNode).callee.property = j.identifier('converse');
  }
  invalidateReferenceIndex(root);
  // Type references follow only when nothing InvokeModel-shaped is left (a streaming call may share the input type).
  const streaming = findCommandConstructions(j, root, bindings, 'InvokeModelWithResponseStreamCommand').length > 0;
  if (kept === 0 && !streaming) renameTypes(ctx, bindings);
  // Where the type references stayed (an InvokeModel call is left), a migrated call's own annotations
  // (`const input: InvokeModelCommandInput`, `const r: InvokeModelCommandOutput`) still follow it.
  for (const r of ready) {
    for (const declarator of r.annotated) {
      const ann = declarator.id.typeAnnotation?.typeAnnotation;
      if (ann?.type !== 'TSTypeReference') continue;
      const from = Object.keys(TYPE_RENAMES).find((t) => refersToExport(bindings, ann.typeName, t));
      if (!from) continue;
      if (ann.typeName.type === 'TSQualifiedName') ann.typeName.right = j.identifier(TYPE_RENAMES[from]);
      else {
        const replacement = ensureRuntimeExport(j, root, bindings, TYPE_RENAMES[from], { type: true, near: from });
        if (replacement) ann.typeName = cloneShallow(replacement);
        else declarator.id.typeAnnotation = null;
      }
    }
  }
  invalidateReferenceIndex(root);
  removeRuntimeExportIfUnused(j, root, bindings, 'InvokeModelCommand');
  for (const old of Object.keys(TYPE_RENAMES)) removeRuntimeExportIfUnused(j, root, bindings, old);
  for (const r of ready) ctx.note('InvokeModel → Converse', r.site.path);
  return true;
}

function cloneShallow(n: AnyNode): AnyNode {
  return { ...n };
}

/** The model family the call's input names (see src/bedrock/family.ts). */
function siteFamily(ctx: CodemodContext, site: Site): FamilyVerdict {
  const node: AnyNode = site.path.node;
  if (node.arguments.length < 1) return { kind: 'unknown', families: [] };
  return callFamily(ctx.j, ctx.root, (site.path as AnyNode).get('arguments', 0));
}

/** Plans one call site; nothing is changed unless every part maps. */
function analyze(ctx: CodemodContext, site: Site, bindings: RuntimeBindings, family: FamilyVerdict): Ready | { reason: string } {
  const inputPath = inputObjectPath(ctx, site);
  if ('reason' in inputPath) return inputPath;
  const sendPath = sendCallPath(ctx, site);
  if ('reason' in sendPath) return sendPath;

  // A first look at the request tells whether it is a Text Completions body (the response differs).
  const probe = mapInvokeRequest(ctx, inputPath.path, { passThroughContent: () => false, boundaries: ctx.options.boundaries === 'mark' ? 'mark' : 'convert' });
  const textCompletion = probe.ok && probe.textCompletion;
  const boundaries = ctx.options.boundaries === 'mark' ? 'mark' : 'convert';
  const response = planResponse(ctx, sendPath.path, textCompletion, { boundaries, typeRef: makeTypeRef(ctx, bindings) });
  // When both sides fail, the request's reason is the more fundamental one.
  if ('reason' in response) return probe.ok ? response : { reason: probe.reason };

  const accepted = new Set<AnyNode>();
  const typeRef = makeTypeRef(ctx, bindings);
  const request = mapInvokeRequest(ctx, inputPath.path, {
    boundaries,
    // A body that cannot be followed is converted whole only for a call known to be Claude's: its model ID
    // or guard says so, or the code after it reads the Anthropic message.
    wholeBody: family.kind === 'claude' || response.readsAnthropic,
    passThroughContent: (prop) => {
      if (!response.passThrough.has(prop)) return false;
      accepted.add(prop);
      return true;
    },
    typeRef,
  });
  if (!request.ok) return { reason: request.reason };
  for (const prop of response.passThrough) {
    if (!accepted.has(prop)) return { reason: 'the response content is pushed into an array that is not this request\'s history' };
  }
  return {
    site,
    annotated: [response.annotated, inputPath.declarator?.node].filter(Boolean),
    applyResponse: () => response.apply(),
    applyRequest: () => {
      request.apply();
      if (inputPath.declarator) stripInputAnnotation(ctx, inputPath.declarator, bindings);
    },
  };
}

/** Type references created by the request rewrite (`Message`, `ConverseCommandInput`, `Tool`): added as type imports. */
function makeTypeRef(ctx: CodemodContext, bindings: RuntimeBindings): (name: string) => AnyNode | undefined {
  return (name) => ensureRuntimeExport(ctx.j, ctx.root, bindings, name, { type: true, near: 'InvokeModelCommand' });
}

/** The ObjectExpression given to the command (inline or through a `const` used once). */
function inputObjectPath(ctx: CodemodContext, site: Site): { path: ASTPath; declarator?: ASTPath } | { reason: string } {
  const node: AnyNode = site.path.node;
  if (node.arguments.length < 1) return { reason: 'the command has no input' };
  const argPath: AnyNode = (site.path as AnyNode).get('arguments', 0);
  const arg = unwrapExpression(node.arguments[0]);
  if (arg.type === 'ObjectExpression') return { path: unwrapPath(argPath) };
  if (arg.type === 'Identifier') {
    const decl = declarationOf(arg.name, site.path);
    if (decl?.node.type === 'VariableDeclarator' && unwrapExpression(decl.node.init)?.type === 'ObjectExpression') {
      const refs = referencePaths(ctx.j, ctx.root, arg.name, decl);
      if (refs.length !== 1) return { reason: `the command input "${arg.name}" is used elsewhere too` };
      return { path: unwrapPath(decl.get('init')), declarator: decl };
    }
  }
  const built = builtByHelper(ctx, arg, site.path);
  if (built) return { path: unwrapPath(built) };
  return { reason: 'the command input cannot be resolved to an object literal' };
}

/**
 * `new InvokeModelCommand(buildInput(…))`: a same-file function called only here whose one `return`, its last
 * statement, gives an object literal. Returns the path of that literal.
 */
function builtByHelper(ctx: CodemodContext, arg: AnyNode, at: ASTPath): AnyNode {
  if (arg.type !== 'CallExpression' || arg.callee.type !== 'Identifier') return undefined;
  const decl = declarationOf(arg.callee.name, at);
  const fnPath: AnyNode = decl?.node.type === 'VariableDeclarator' ? decl.get('init') : decl;
  const fn: AnyNode = fnPath?.node;
  if (!fn || !/^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(fn.type) || fn.async || fn.generator) return undefined;
  if (fn.body.type !== 'BlockStatement' || referencePaths(ctx.j, ctx.root, arg.callee.name, decl).length !== 1) return undefined;
  // Exported, it may build inputs for calls in other modules too.
  const holder: AnyNode = decl.node.type === 'VariableDeclarator' ? decl.parent?.parent : decl.parent;
  if (/^Export(Named|Default)Declaration$/.test(holder?.node.type ?? '')) return undefined;
  const last: AnyNode = fn.body.body[fn.body.body.length - 1];
  if (last?.type !== 'ReturnStatement' || unwrapExpression(last.argument)?.type !== 'ObjectExpression') return undefined;
  if (ctx.j(fn.body).find(ctx.j.ReturnStatement).size() !== 1) return undefined;
  return fnPath.get('body', 'body', fn.body.body.length - 1, 'argument');
}

function unwrapPath(p: AnyNode): ASTPath {
  let cur = p;
  while (['TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ParenthesizedExpression'].includes(cur.node.type)) cur = cur.get('expression');
  return cur;
}

/** `const input: InvokeModelCommandInput = {...}`: the annotation is renamed with the other type references; others are dropped. */
function stripInputAnnotation(ctx: CodemodContext, declarator: ASTPath, bindings: RuntimeBindings): void {
  const id: AnyNode = (declarator.node as AnyNode).id;
  const ann = id.typeAnnotation?.typeAnnotation;
  if (ann?.type === 'TSTypeReference' && Object.keys(TYPE_RENAMES).some((t) => refersToExport(bindings, ann.typeName, t))) return;
  // In TS the input needs the Converse type (an unannotated literal would widen `role` to string).
  const isTs = /\.[cm]?tsx?$/.test(ctx.file.path);
  const type = isTs ? ensureRuntimeExport(ctx.j, ctx.root, bindings, 'ConverseCommandInput', { type: true, near: 'InvokeModelCommand' }) : undefined;
  if (type) id.typeAnnotation = ctx.j.tsTypeAnnotation(ctx.j.tsTypeReference(type));
  else if (ann) id.typeAnnotation = null;
}

/** The `client.send(command)` / `client.invokeModel(...)` call whose result is the response. */
function sendCallPath(ctx: CodemodContext, site: Site): { path: ASTPath } | { reason: string } {
  if (site.kind === 'aggregated') {
    if ((site.path.node as AnyNode).arguments.length > 1) return { reason: 'invokeModel() is called with options or a callback' };
    return { path: site.path };
  }
  let p: AnyNode = site.path;
  while (['ParenthesizedExpression', 'TSAsExpression'].includes(p.parent.node.type)) p = p.parent;
  const parent: AnyNode = p.parent.node;
  if (isSendCall(parent, p.node)) return { path: p.parent };
  if (parent.type === 'VariableDeclarator' && parent.init === p.node && parent.id.type === 'Identifier') {
    const refs = referencePaths(ctx.j, ctx.root, parent.id.name, p.parent);
    if (refs.length === 1) {
      const r: AnyNode = refs[0];
      if (isSendCall(r.parent.node, r.node)) return { path: r.parent };
    }
    return { reason: `the command "${parent.id.name}" is used in a way that cannot be followed` };
  }
  return { reason: 'the command is not sent with client.send() where it is created' };
}

function isSendCall(call: AnyNode, arg: AnyNode): boolean {
  return (
    call.type === 'CallExpression' &&
    call.arguments[0] === arg &&
    // A second argument is the per-call options (abortSignal, …): the same for Converse.
    call.arguments.length <= 2 &&
    call.callee.type === 'MemberExpression' &&
    !call.callee.computed &&
    call.callee.property.name === 'send'
  );
}

/** InvokeModelCommandInput → ConverseCommandInput, … (only when no InvokeModel call is left in the file). */
function renameTypes(ctx: CodemodContext, bindings: RuntimeBindings): void {
  const { j, root } = ctx;
  for (const [from, to] of Object.entries(TYPE_RENAMES)) {
    const refs = findTypeReferences(j, root, bindings, from);
    if (refs.length === 0) continue;
    const replacement = ensureRuntimeExport(j, root, bindings, to, { type: true, near: from });
    if (!replacement) continue;
    for (const r of refs) {
      const node: AnyNode = r.node;
      if (node.typeName.type === 'TSQualifiedName') node.typeName.right = j.identifier(to);
      else node.typeName = cloneShallow(replacement);
    }
  }
}

const codemod: Codemod = { name: 'invoke-to-converse', run };

export default codemod;
