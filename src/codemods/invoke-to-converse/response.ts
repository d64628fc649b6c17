/**
 * Response side of invoke-to-converse (API reference §3b): follows the result of `send(new InvokeModelCommand)`
 * (or `client.invokeModel(...)`) through the decode chain — `new TextDecoder().decode(r.body)`,
 * `Buffer.from(r.body).toString()`, `r.body.transformToString()`, then `JSON.parse` — to every use of the
 * parsed Anthropic message, and plans the Converse rewrite of each use:
 *
 *   message.content            → response.output.message.content
 *   message.stop_reason        → response.stopReason (same strings)
 *   message.usage.input_tokens → response.usage.inputTokens (output_tokens, cache_* likewise)
 *   block.type === "text"      → block.text !== undefined      ("tool_use" → block.toolUse)
 *   block.id / name / input    → block.toolUse.toolUseId / name / input
 *
 * Either every use maps and the plan is returned, or the first use that does not map is reported and
 * nothing is changed (a call site is never half-migrated).
 */
import { isConverseStopReason } from '../../models/stop-reasons';
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { type AnyNode, declarationOf, functionBinding, invalidateReferenceIndex, referencePaths, staticString, unwrapExpression } from '../../ast/bedrock';
import { ensureAnthropicHelper } from '../../bedrock/boundary/helpers';


const USAGE_FIELDS: Record<string, string> = {
  input_tokens: 'inputTokens',
  output_tokens: 'outputTokens',
  cache_read_input_tokens: 'cacheReadInputTokens',
  cache_creation_input_tokens: 'cacheWriteInputTokens',
};

/** Fields of the Anthropic message the Converse output does not carry (reference §3b). */
const ANTHROPIC_ONLY = ['id', 'model', 'stop_sequence', 'completion'];

const TOOL_USE_FIELDS: Record<string, string> = { id: 'toolUseId', name: 'name', input: 'input' };

/** Anthropic block `type` → the Converse member whose presence tests it (reference §3b). */
const BLOCK_TYPES: Record<string, string> = {
  text: 'text',
  tool_use: 'toolUse',
  thinking: 'reasoningContent.reasoningText',
  redacted_thinking: 'reasoningContent.redactedContent',
};

/** Fields of a thinking block → their path in a Converse reasoningContent block. */
const THINKING_FIELDS: Record<string, string> = { thinking: 'text', signature: 'signature' };

export interface ResponsePlan {
  /** Runs the planned rewrites (call before the request rewrite: see request.ts). */
  apply(): void;
  /** `content: <parsed>.content` properties of pushed history messages; the request side must take them. */
  passThrough: Set<AnyNode>;
  /** True when the response is never read (fire and forget). */
  unused: boolean;
  /** True when the code after the call reads the parsed Anthropic message (content, stop_reason, usage) and all of it maps. */
  readsAnthropic: boolean;
  /** `const response: InvokeModelCommandOutput = …`: the declarator whose annotation must follow. */
  annotated?: AnyNode;
}

class Blocked extends Error {}
function block(reason: string): never {
  throw new Blocked(reason);
}

type Kind = 'response' | 'bytes' | 'text' | 'message' | 'blocks' | 'block' | 'usage' | 'stopReason';

/**
 * `sendPath` is the path of the `client.send(new InvokeModelCommand(...))` / `client.invokeModel(...)` call.
 * `textCompletion`: the request was a legacy Text Completions body, so `.completion` is the text.
 */
export interface ResponseOptions {
  /** `convert` (default): a parsed message that cannot be followed is converted back by `toAnthropicMessage`. */
  boundaries?: 'convert' | 'mark';
  /** Makes a runtime-module type reachable in TS files (for the helper's parameter type). */
  typeRef?: (exportName: string) => AnyNode | undefined;
}

export function planResponse(ctx: CodemodContext, sendPath: ASTPath, textCompletion: boolean, options: ResponseOptions = {}): ResponsePlan | { reason: string } {
  let a = new Analyzer(ctx, textCompletion, false);
  let boundaryReason: string | undefined;
  try {
    a.fromSend(sendPath);
  } catch (e) {
    if (!(e instanceof Blocked)) throw e;
    // The message is read in a way that cannot be mapped, or goes on to code the run cannot rewrite: with
    // `--boundaries convert` it is converted back to the Anthropic shape where it is parsed.
    if (options.boundaries === 'mark' || !a.reachedMessage || textCompletion) return { reason: e.message };
    const b = new Analyzer(ctx, textCompletion, true);
    try {
      b.fromSend(sendPath);
    } catch (e2) {
      if (e2 instanceof Blocked) return { reason: e.message };
      throw e2;
    }
    a = b;
    boundaryReason = e.message;
  }
  const analyzer = a;
  return {
    apply: () => {
      for (const r of analyzer.rewrites) r();
      invalidateReferenceIndex(ctx.root);
      for (const c of analyzer.cleanups) c();
      for (const w of analyzer.widen) {
        const cast = ctx.j.tsAsExpression(w.node, ctx.j.tsStringKeyword());
        const parent = w.parent?.node;
        w.replace(parent?.type === 'BinaryExpression' ? ctx.j.parenthesizedExpression(cast) : cast);
      }
      if (boundaryReason !== undefined) {
        ensureAnthropicHelper(ctx, nn(ctx) ? options.typeRef : undefined);
        ctx.note(`the response is converted back to the Anthropic message shape by toAnthropicMessage (${boundaryReason}); it has no id, model or stop_sequence`, sendPath);
      }
      invalidateReferenceIndex(ctx.root);
    },
    passThrough: analyzer.passThrough,
    unused: analyzer.unused,
    readsAnthropic: analyzer.reachedMessage && boundaryReason === undefined,
    annotated: analyzer.annotated,
  };
}

const nn = (ctx: CodemodContext) => /\.[cm]?tsx?$/.test(ctx.file.path);

class Analyzer {
  readonly j: CodemodContext['j'];
  readonly ts: boolean;
  rewrites: Array<() => void> = [];
  passThrough = new Set<AnyNode>();
  unused = false;
  annotated: AnyNode;
  /** How to write the response (`response` or the awaited call) where the parsed message was used. */
  responseName: string | undefined;
  /** Set when the response variable is introduced by the rewrite (`const { body } = …`): its scope. */
  freshScope: AnyNode;

  /** Set once the decode chain reaches `JSON.parse`: what failed after it is about the parsed message. */
  reachedMessage = false;

  constructor(
    readonly ctx: CodemodContext,
    readonly textCompletion: boolean,
    /** The parsed message is replaced by `toAnthropicMessage(response)` instead of followed. */
    readonly boundary: boolean,
  ) {
    this.j = ctx.j;
    this.ts = nn(ctx);
  }

  // ------------------------------------------------------------ from the call to the response value

  fromSend(sendPath: ASTPath): void {
    let p: AnyNode = sendPath;
    let parent: AnyNode = p.parent.node;
    if (parent.type === 'ExpressionStatement') block('the response is never awaited');
    const wrapper = retryWrapperCall(this.j, this.ctx.root, p);
    if (wrapper) return this.fromSend(wrapper);
    if (parent.type !== 'AwaitExpression') {
      if (parent.type === 'MemberExpression' && parent.property.name === 'then') return this.thenCallback(p);
      block('the response promise is passed on (not awaited here)');
    }
    p = p.parent;
    while (p.parent.node.type === 'ParenthesizedExpression' || p.parent.node.type === 'TSAsExpression') p = p.parent;
    parent = p.parent.node;
    if (parent.type === 'ExpressionStatement') {
      this.unused = true;
      return;
    }
    if (parent.type === 'VariableDeclarator' && parent.init === p.node) {
      if (parent.id.type === 'Identifier') {
        this.responseName = parent.id.name;
        this.trackVariable(p.parent, 'response');
        this.stripTypeAnnotation(parent);
        if (parent.id.typeAnnotation) this.annotated = parent;
        return;
      }
      if (parent.id.type === 'ObjectPattern') return this.destructuredResponse(p.parent);
      block('the response is destructured in a nested way');
    }
    if (parent.type === 'AssignmentExpression') block('the response is assigned to a variable declared elsewhere');
    // Inline: `(await client.send(cmd)).body`
    this.responseName = undefined;
    this.use(p, 'response');
  }

  /**
   * `send(…).then((res) => …)`: the callback's parameter is the response, followed like a variable. The
   * promise the chain returns is the callback's value, which is followed from there (a string read from the
   * message, or the parsed message returned whole, which the boundary converts back).
   */
  thenCallback(sendPath: AnyNode): void {
    const member: AnyNode = sendPath.parent;
    const call: AnyNode = member.parent;
    const cb: AnyNode = call?.node.type === 'CallExpression' && call.node.callee === member.node ? call.node.arguments[0] : undefined;
    const simple = cb && (cb.type === 'ArrowFunctionExpression' || cb.type === 'FunctionExpression') && call.node.arguments.length === 1;
    if (!simple || cb.params.length !== 1 || cb.params[0].type !== 'Identifier' || cb.params[0].typeAnnotation) block('the response is handled with .then()');
    const paramPath: AnyNode = call.get('arguments', 0).get('params', 0);
    const name: string = cb.params[0].name;
    this.responseName = name;
    for (const r of referencePaths(this.j, this.ctx.root, name, paramPath)) {
      const parent: AnyNode = r.parent.node;
      if ((parent.type === 'AssignmentExpression' && parent.left === r.node) || parent.type === 'UpdateExpression') block(`"${name}" is reassigned`);
      this.use(r, 'response');
    }
  }

  /** `const { body } = await client.send(...)`: the pattern becomes one response variable. */
  destructuredResponse(declaratorPath: AnyNode): void {
    const j = this.j;
    const decl: AnyNode = declaratorPath.node;
    const props = decl.id.properties;
    if (props.length !== 1 || (props[0].type !== 'ObjectProperty' && props[0].type !== 'Property') || props[0].computed) block('the response is destructured');
    const key = props[0].key.name ?? props[0].key.value;
    if (key !== 'body' || props[0].value.type !== 'Identifier') block('the response is destructured');
    if (decl.id.typeAnnotation) block('the destructured response has a type annotation');
    const local = props[0].value.name;
    const name = this.freshName(declaratorPath, 'response');
    this.responseName = name;
    this.freshScope = declaratorPath.scope;
    for (const r of this.localRefs(declaratorPath, local)) this.use(r, 'bytes');
    this.rewrites.push(() => {
      decl.id = j.identifier(name);
    });
  }

  /** In TS, `const r: InvokeModelCommandOutput = …` would no longer hold a Converse output. */
  stripTypeAnnotation(declarator: AnyNode): void {
    const ann = declarator.id.typeAnnotation;
    if (!ann) return;
    const name = ann.typeAnnotation?.typeName?.name ?? ann.typeAnnotation?.typeName?.right?.name;
    if (name !== 'InvokeModelCommandOutput') block('the response variable has a type annotation');
    // Handled by the type-reference rename (InvokeModelCommandOutput → ConverseCommandOutput).
  }

  /** Every reference of a `const`/`let` (never reassigned) variable holding a value of `kind`. */
  trackVariable(declPath: ASTPath, kind: Kind, maybeUndefined = false): void {
    const decl: AnyNode = declPath.node;
    const name = decl.id.name;
    const refs = referencePaths(this.j, this.ctx.root, name, declPath);
    for (const r of refs) {
      const parent: AnyNode = r.parent.node;
      if (parent.type === 'AssignmentExpression' && parent.left === r.node && kind === 'message' && this.isHelperCall(parent.right)) {
        continue; // `reply = await callClaude(...)`: that call is followed where the helper's calls are.
      }
      if ((parent.type === 'AssignmentExpression' && parent.left === r.node) || parent.type === 'UpdateExpression') block(`"${name}" is reassigned`);
      this.use(r, kind, maybeUndefined);
    }
  }

  // ------------------------------------------------------------ uses

  /** `path` is an expression whose value is of `kind`; every way it is used must map. */
  use(path: ASTPath, kind: Kind, maybeUndefined = false): void {
    let p: AnyNode = path;
    while (['ParenthesizedExpression', 'TSNonNullExpression'].includes(p.parent.node.type)) p = p.parent;
    const parent: AnyNode = p.parent.node;
    const node: AnyNode = p.node;
    const isMember = (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === node;
    const member = isMember ? (parent.computed ? staticString(parent.property) : parent.property.name) : undefined;
    switch (kind) {
      case 'response':
        if (member === 'body') return this.use(p.parent, 'bytes');
        if (member === '$metadata') return;
        if (!member && decodeHelper(p)) {
          const helper = decodeHelper(p)!;
          this.cleanups.push(() => {
            if (referencePaths(this.j, this.ctx.root, helper.name, helper.declPath).length > 0) return;
            if (helper.declPath.node.type === 'FunctionDeclaration') helper.declPath.prune();
            else removeDeclaratorStatement(this.j, helper.declPath);
          });
          return this.parsed(p.parent);
        }
        if (!member && isLogArgument(p)) {
          this.rewrites.push(() => this.ctx.note('the logged response is now the Converse output (output.message, stopReason, usage)', p));
          return;
        }
        block(member ? `response field "${member}" has no Converse equivalent` : 'the response is passed on whole');
      case 'bytes':
        return this.useBytes(p);
      case 'text':
        return this.useText(p);
      case 'message':
        return this.useMessage(p);
      case 'blocks':
        return this.useBlocks(p);
      case 'block':
        return this.useBlock(p, maybeUndefined);
      case 'usage':
        return this.useUsage(p);
      case 'stopReason':
        return this.useStopReason(p);
    }
  }

  useBytes(p: AnyNode): void {
    const parent: AnyNode = p.parent.node;
    // new TextDecoder().decode(bytes)
    if (parent.type === 'CallExpression' && parent.arguments[0] === p.node) {
      const c = parent.callee;
      const decoder = c.type === 'MemberExpression' && c.property.name === 'decode' ? this.textDecoder(c.object, p) : undefined;
      if (decoder) {
        const enc = decoder.arguments[0];
        if (enc && !/^utf-?8$/i.test(staticString(enc) ?? '')) block('the body is decoded with a non-UTF-8 TextDecoder');
        return this.use(p.parent, 'text');
      }
      // Buffer.from(bytes).toString() / .toString("utf8")
      if (c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'Buffer' && c.property.name === 'from' && parent.arguments.length === 1) {
        const outer: AnyNode = p.parent.parent.node;
        const call: AnyNode = p.parent.parent.parent.node;
        if (outer.type === 'MemberExpression' && outer.property.name === 'toString' && call.type === 'CallExpression' && call.callee === outer) {
          const enc = call.arguments[0];
          if (enc && !/^utf-?8$/i.test(staticString(enc) ?? '')) block('the body is decoded with a non-UTF-8 encoding');
          return this.use(p.parent.parent.parent, 'text');
        }
      }
    }
    // bytes.transformToString()
    if (parent.type === 'MemberExpression' && parent.object === p.node && parent.property.name === 'transformToString') {
      const call: AnyNode = p.parent.parent.node;
      if (call.type === 'CallExpression' && call.callee === parent) {
        const enc = call.arguments[0];
        if (enc && !/^utf-?8$/i.test(staticString(enc) ?? '')) block('the body is decoded with a non-UTF-8 encoding');
        return this.use(p.parent.parent, 'text');
      }
    }
    if (parent.type === 'VariableDeclarator' && parent.init === p.node && parent.id.type === 'Identifier') {
      this.trackVariable(p.parent, 'bytes');
      this.rewrites.push(() => removeDeclaratorStatement(this.j, p.parent));
      return;
    }
    block('the response body is used in a way that cannot be followed');
  }

  /**
   * `new TextDecoder(…)`, or a `const decoder = new TextDecoder(…)` it refers to (removed once nothing else
   * uses it). Returns the NewExpression.
   */
  textDecoder(object: AnyNode, at: AnyNode): AnyNode {
    if (object.type === 'NewExpression' && object.callee.type === 'Identifier' && object.callee.name === 'TextDecoder') return object;
    if (object.type !== 'Identifier') return undefined;
    const decl = declarationOf(object.name, at);
    const init = decl?.node.type === 'VariableDeclarator' && (decl.parent.node as AnyNode).kind === 'const' ? decl.node.init : undefined;
    if (init?.type !== 'NewExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'TextDecoder') return undefined;
    if (!this.decoders.includes(decl)) {
      this.decoders.push(decl);
      const name = object.name;
      this.cleanups.push(() => {
        if (referencePaths(this.j, this.ctx.root, name, decl).length === 0) removeDeclaratorStatement(this.j, decl);
      });
    }
    return init;
  }

  decoders: AnyNode[] = [];
  cleanups: Array<() => void> = [];

  useText(p: AnyNode): void {
    const parent: AnyNode = p.parent.node;
    if (parent.type === 'AwaitExpression') return this.useText(p.parent);
    if (parent.type === 'CallExpression' && parent.arguments[0] === p.node && parent.arguments.length === 1) {
      const c = parent.callee;
      if (c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'JSON' && c.property.name === 'parse') {
        return this.parsed(p.parent);
      }
    }
    if (parent.type === 'VariableDeclarator' && parent.init === p.node && parent.id.type === 'Identifier') {
      this.trackVariable(p.parent, 'text');
      this.rewrites.push(() => removeDeclaratorStatement(this.j, p.parent));
      return;
    }
    block('the decoded body text is used without JSON.parse');
  }

  /** `JSON.parse(...)` of the body: the Anthropic message. */
  parsed(parsePath: AnyNode): void {
    this.reachedMessage = true;
    if (this.boundary) {
      this.noAnthropicOnlyFields(parsePath);
      const response = this.responseExpr(parsePath);
      this.rewrites.push(() => parsePath.replace(this.j.callExpression(this.j.identifier('toAnthropicMessage'), [response])));
      return;
    }
    let p: AnyNode = parsePath;
    while (['ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression'].includes(p.parent.node.type)) p = p.parent;
    const parent: AnyNode = p.parent.node;
    if (parent.type === 'VariableDeclarator' && parent.init === p.node) {
      if (parent.id.type === 'Identifier') {
        // A type annotation describes the Anthropic body: it goes with the declaration.
        const declarator = p.parent;
        const kind = (declarator.parent.node as AnyNode).kind;
        this.trackVariable(declarator, 'message');
        const name = parent.id.name;
        if (this.responseName && kind !== 'var' && this.sameFunction(declarator, name)) {
          // `const data = JSON.parse(decode(response.body))`: uses of `data` read `response` directly.
          const responseName = this.responseName;
          for (const r of referencePaths(this.j, this.ctx.root, name, declarator)) {
            this.rewrites.unshift(() => {
              (r.node as AnyNode).name = responseName;
            });
          }
          this.rewrites.push(() => removeDeclaratorStatement(this.j, declarator));
        } else {
          this.rewrites.push(() => {
            if (parent.id.typeAnnotation) parent.id.typeAnnotation = null;
            parent.init = this.responseExpr(parsePath);
          });
        }
        return;
      }
      if (parent.id.type === 'ObjectPattern') return this.destructureMessage(p.parent, parsePath);
      block('the parsed response is destructured in a nested way');
    }
    // Inline use: JSON.parse(...).content → response.output.message.content
    this.useMessageAt(p, () => this.responseExpr(parsePath));
  }

  /** `message.id`, `.model`, `.stop_sequence` read here: Converse does not return them, no helper can. */
  noAnthropicOnlyFields(parsePath: AnyNode): void {
    let p: AnyNode = parsePath;
    while (['ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression'].includes(p.parent.node.type)) p = p.parent;
    const parent: AnyNode = p.parent.node;
    const reads = (q: AnyNode): void => {
      const m: AnyNode = q.parent?.node;
      if ((m?.type === 'MemberExpression' || m?.type === 'OptionalMemberExpression') && m.object === q.node) {
        const field = m.computed ? staticString(m.property) : m.property.name;
        if (field && ANTHROPIC_ONLY.includes(field)) block(`response field "${field}" has no Converse equivalent`);
      }
    };
    if (parent.type === 'VariableDeclarator' && parent.init === p.node && parent.id.type === 'Identifier') {
      for (const r of referencePaths(this.j, this.ctx.root, parent.id.name, p.parent)) reads(r);
    } else if (parent.type === 'VariableDeclarator' && parent.id.type === 'ObjectPattern') {
      for (const prop of parent.id.properties) {
        const key = prop.key?.name ?? prop.key?.value;
        if (ANTHROPIC_ONLY.includes(key)) block(`response field "${key}" has no Converse equivalent`);
      }
    } else reads(p);
  }

  /** Whether the response variable is visible (and the same binding) wherever `name` is used. */
  sameFunction(declarator: AnyNode, name: string): boolean {
    const responseName = this.responseName!;
    if (this.freshScope) {
      // The response variable is introduced by the rewrite: every use must sit inside its scope, unshadowed.
      for (const r of referencePaths(this.j, this.ctx.root, name, declarator)) {
        if ((r as AnyNode).scope.lookup(responseName)) return false;
        let s = (r as AnyNode).scope;
        while (s && s !== this.freshScope) s = s.parent;
        if (!s) return false;
      }
      return true;
    }
    const home = declarator.scope.lookup(responseName);
    if (!home) return false;
    for (const r of referencePaths(this.j, this.ctx.root, name, declarator)) {
      if ((r as AnyNode).scope.lookup(responseName) !== home) return false;
    }
    return true;
  }

  /** The expression that now stands for the response where the parsed message was: the variable or the awaited call. */
  responseExpr(parsePath: AnyNode): AnyNode {
    if (this.responseName) return this.j.identifier(this.responseName);
    // The decode chain wraps `(await send(...)).body`: find the AwaitExpression inside it.
    let found: AnyNode;
    this.j(parsePath)
      .find(this.j.AwaitExpression)
      .forEach((a) => {
        if (!found) found = a.node;
      });
    if (!found) block('cannot find the awaited call');
    return found;
  }

  useMessage(p: AnyNode): void {
    this.useMessageAt(p, undefined);
  }

  /**
   * A use of the parsed message at `p`. `base` builds the replacement for the message itself when it is
   * not a variable that is renamed (inline `JSON.parse(...)`).
   */
  useMessageAt(p: AnyNode, base: (() => AnyNode) | undefined): void {
    const parent: AnyNode = p.parent.node;
    const node: AnyNode = p.node;
    const isMember = (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === node;
    if (!isMember) {
      if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'ObjectPattern') {
        return this.destructureMessage(p.parent, undefined);
      }
      if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier' && !parent.id.typeAnnotation) {
        return this.trackVariable(p.parent, 'message');
      }
      if ((parent.type === 'ReturnStatement' && parent.argument === node) || (parent.type === 'ArrowFunctionExpression' && parent.body === node)) {
        // `return JSON.parse(...)` from a same-file helper: followed into every call of the helper.
        this.returnedMessage(p);
        if (base) this.rewrites.push(() => p.replace(base()));
        return;
      }
      if (parent.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'Identifier' && this.helperAssigned.has(node)) return;
      block('the parsed response escapes whole into other code');
    }
    const field = parent.computed ? staticString(parent.property) : parent.property.name;
    const optional = parent.type === 'OptionalMemberExpression' || parent.optional;
    const memberPath = p.parent;
    const baseNode = () => (base ? base() : node);
    if (this.textCompletion) {
      if (field === 'completion') {
        this.rewrites.push(() => {
          memberPath.replace(this.chain(baseNode(), ['output', 'message', 'content'], optional, [0, 'text']));
          this.ctx.note('Text Completions `completion` often began with a space; the Converse text does not', memberPath);
        });
        return;
      }
      if (field === 'stop_reason') block('Text Completions stop_reason values differ from Converse stopReason');
      block(`Text Completions response field "${field}" has no Converse equivalent`);
    }
    if (field === 'content') {
      this.rewrites.push(() => memberPath.replace(this.chain(baseNode(), ['output', 'message', 'content'], optional)));
      return this.use(memberPath, 'blocks');
    }
    if (field === 'role') {
      this.rewrites.push(() => memberPath.replace(this.chain(baseNode(), ['output', 'message', 'role'], optional)));
      return;
    }
    if (field === 'stop_reason') {
      this.rewrites.push(() => memberPath.replace(this.chain(baseNode(), ['stopReason'], optional, [], this.comparedAt(memberPath))));
      return this.use(memberPath, 'stopReason');
    }
    if (field === 'usage') {
      this.rewrites.push(() => memberPath.replace(this.chain(baseNode(), ['usage'], optional)));
      return this.use(memberPath, 'usage');
    }
    block(`response field "${field ?? '?'}" has no Converse equivalent`);
  }

  /** Helper functions whose return value is the parsed message (`async function callClaude() { … return JSON.parse(…) }`). */
  helpers = new Set<AnyNode>();
  visitedHelpers = new Set<AnyNode>();
  /** `await helper(...)` expressions assigned to an already-tracked variable. */
  helperAssigned = new Set<AnyNode>();

  isHelperCall(node: AnyNode): boolean {
    const n = unwrapExpression(node);
    return n?.type === 'AwaitExpression' && n.argument?.type === 'CallExpression' && n.argument.callee.type === 'Identifier' && [...this.helpers].some((h) => h.name === n.argument.callee.name);
  }

  returnedMessage(p: AnyNode): void {
    let fnPath: AnyNode = p.parent;
    while (fnPath && !/Function/.test(fnPath.node.type)) fnPath = fnPath.parent;
    const fn: AnyNode = fnPath?.node;
    if (!fn || !fn.async) block('the parsed response is returned from a function that is not async');
    if (this.visitedHelpers.has(fn)) return;
    this.visitedHelpers.add(fn);
    if (fn.returnType) block('the parsed response is returned from a function with a declared return type');
    const binding = functionBinding(fnPath);
    if (!binding) block('the parsed response is returned from an anonymous function or method');
    const { name, declPath } = binding!;
    // Every return of the helper must be this one: callers then only ever see the migrated response.
    if (fn.body.type === 'BlockStatement') {
      let returns = 0;
      this.j(fnPath)
        .find(this.j.ReturnStatement)
        .forEach((r: AnyNode) => {
          let cur = r.parent;
          while (cur && cur.node !== fn && !/Function/.test(cur.node.type)) cur = cur.parent;
          if (cur?.node === fn) returns++;
        });
      if (returns !== 1) block(`"${name}" returns other values besides the parsed response`);
    }
    const holder = (declPath.node.type === 'VariableDeclarator' ? declPath.parent : declPath).parent?.node;
    if (holder?.type === 'ExportNamedDeclaration' || holder?.type === 'ExportDefaultDeclaration') block(`the parsed response is returned from "${name}", which is exported`);
    const id = { name };
    this.helpers.add(id);
    const refs = referencePaths(this.j, this.ctx.root, name, declPath);
    if (refs.length === 0) block(`"${name}" returns the parsed response and is never called here`);
    for (const r of refs) {
      const call: AnyNode = r.parent;
      if (call.node.type !== 'CallExpression' || call.node.callee !== r.node) block(`"${name}" returns the parsed response and is passed on`);
      let awaited: AnyNode = call.parent;
      if (awaited.node.type !== 'AwaitExpression') block(`a call of "${name}" is not awaited`);
      while (awaited.parent.node.type === 'ParenthesizedExpression') awaited = awaited.parent;
      const parent: AnyNode = awaited.parent.node;
      if (parent.type === 'AssignmentExpression' && parent.right === awaited.node && parent.left.type === 'Identifier') {
        // `reply = await helper()`: the variable must be one that holds the helper's result from its declaration.
        const decl = declarationOf(parent.left.name, awaited);
        if (decl?.node.type !== 'VariableDeclarator' || !this.isHelperCall(decl.node.init)) block(`the result of "${name}" is assigned to a variable that holds other values`);
        this.helperAssigned.add(awaited.node);
        continue;
      }
      this.use(awaited, 'message');
    }
  }

  /** `const { content, stop_reason, usage } = <message>` → one declarator per field. */
  destructureMessage(declaratorPath: AnyNode, parsePath: AnyNode | undefined): void {
    const j = this.j;
    const decl: AnyNode = declaratorPath.node;
    const declaration: AnyNode = declaratorPath.parent.node;
    if (declaration.declarations.length !== 1) block('the parsed response is destructured among other declarations');
    const fields: Array<{ key: string; local: string }> = [];
    for (const prop of decl.id.properties) {
      if (prop.type !== 'ObjectProperty' && prop.type !== 'Property') block('the parsed response is destructured with a rest element');
      const key = prop.computed ? undefined : prop.key.name ?? prop.key.value;
      if (!key || prop.value.type !== 'Identifier') block('the parsed response is destructured in a nested way');
      fields.push({ key, local: prop.value.name });
    }
    const map: Record<string, { path: string[]; kind?: Kind }> = this.textCompletion
      ? { completion: { path: ['output', 'message', 'content'] } }
      : {
          content: { path: ['output', 'message', 'content'], kind: 'blocks' },
          role: { path: ['output', 'message', 'role'] },
          stop_reason: { path: ['stopReason'], kind: 'stopReason' },
          usage: { path: ['usage'], kind: 'usage' },
        };
    for (const f of fields) if (!map[f.key]) block(`response field "${f.key}" has no Converse equivalent`);
    // Follow each local.
    const declarationPath = declaratorPath.parent;
    for (const f of fields) {
      const kind = map[f.key].kind;
      if (!kind) continue;
      const bindingScope = declaratorPath.scope;
      j(declarationPath.parent)
        .find(j.Identifier, { name: f.local } as never)
        .forEach((r: AnyNode) => {
          if (r.scope.lookup(f.local) !== bindingScope) return;
          const par = r.parent.node;
          if ((par.type === 'ObjectProperty' || par.type === 'Property') && declarationContains(decl, par)) return;
          if ((par.type === 'MemberExpression' || par.type === 'OptionalMemberExpression') && par.property === r.node && !par.computed) return;
          if ((par.type === 'ObjectProperty' || par.type === 'Property') && par.key === r.node && !par.computed && !par.shorthand) return;
          this.use(r, kind);
        });
    }
    this.rewrites.push(() => {
      const source = parsePath ? this.responseExpr(parsePath) : decl.init;
      const needsVar = fields.length > 1 && source.type !== 'Identifier';
      const baseName = needsVar ? this.freshName(declaratorPath, 'response') : undefined;
      const declarators: AnyNode[] = [];
      if (needsVar) declarators.push(j.variableDeclarator(j.identifier(baseName!), source));
      const baseExpr = () => (needsVar ? j.identifier(baseName!) : source.type === 'Identifier' ? j.identifier(source.name) : source);
      for (const f of fields) {
        const m = map[f.key];
        const extra = this.textCompletion ? [0, 'text'] : [];
        declarators.push(j.variableDeclarator(j.identifier(f.local), this.chain(baseExpr(), m.path, false, extra as Array<string | number>)));
      }
      declaration.declarations = declarators;
    });
  }

  freshName(at: AnyNode, wanted: string): string {
    let name = wanted;
    let i = 2;
    while (at.scope.lookup(name)) name = `${wanted}${i++}`;
    return name;
  }

  /** `base.a.b.c` with `!` after each optional Converse field in TS (runtime-neutral), optional chaining kept. */
  chain(base: AnyNode, fields: string[], optional: boolean, tail: Array<string | number> = [], compared = false): AnyNode {
    const j = this.j;
    let expr: AnyNode = base;
    const all: Array<string | number> = [...fields, ...tail];
    all.forEach((f, i) => {
      const last = i === all.length - 1;
      if (typeof f === 'number') expr = j.memberExpression(expr, j.numericLiteral(f), true);
      else if (optional) expr = j.optionalMemberExpression(expr, j.identifier(f), false, true);
      else expr = j.memberExpression(expr, j.identifier(f));
      if (this.ts && !optional && typeof f === 'string' && !(last && compared)) expr = j.tsNonNullExpression(expr);
    });
    return expr;
  }

  /** True when the value at `p` is compared (`===`, `!==`, `==`, `!=`, switch discriminant, `??`/`?.`). */
  comparedAt(p: AnyNode): boolean {
    const parent: AnyNode = p.parent.node;
    if (parent.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator)) return true;
    if (parent.type === 'SwitchStatement' && parent.discriminant === p.node) return true;
    if (parent.type === 'LogicalExpression' && parent.operator === '??' && parent.left === p.node) return true;
    if (parent.type === 'OptionalMemberExpression' && parent.object === p.node) return true;
    return false;
  }

  // ------------------------------------------------------------ content blocks

  useBlocks(p: AnyNode): void {
    const j = this.j;
    const parent: AnyNode = p.parent.node;
    const node: AnyNode = p.node;
    const isMember = (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === node;
    if (isMember) {
      if (parent.computed) {
        const idx = unwrapExpression(parent.property);
        if (idx.type === 'NumericLiteral' || (idx.type === 'Literal' && typeof idx.value === 'number') || idx.type === 'Identifier') return this.use(p.parent, 'block');
        block('content blocks are indexed in a way that cannot be followed');
      }
      const m = parent.property.name;
      if (m === 'length') return;
      const call: AnyNode = p.parent.parent.node;
      if (call.type !== 'CallExpression' || call.callee !== parent) block(`content.${m} is used in a way that cannot be followed`);
      const callPath = p.parent.parent;
      if (['map', 'filter', 'find', 'findLast', 'some', 'every', 'forEach', 'flatMap'].includes(m)) {
        this.callback(call, callPath);
        if (m === 'filter') return this.use(callPath, 'blocks');
        if (m === 'find' || m === 'findLast') return this.use(callPath, 'block', true);
        return;
      }
      if (m === 'at') return this.use(callPath, 'block', true);
      block(`content.${m}() cannot be followed`);
    }
    if (parent.type === 'ForOfStatement' && parent.right === node) {
      const left = parent.left;
      if (left.type === 'VariableDeclaration' && left.declarations[0].id.type === 'Identifier') {
        const name = left.declarations[0].id.name;
        j(p.parent)
          .find(j.Identifier, { name } as never)
          .forEach((r: AnyNode) => {
            if (r.parent.node === left.declarations[0]) return;
            const par = r.parent.node;
            if ((par.type === 'MemberExpression' || par.type === 'OptionalMemberExpression') && par.property === r.node && !par.computed) return;
            if ((par.type === 'ObjectProperty' || par.type === 'Property') && par.key === r.node && !par.computed && !par.shorthand) return;
            if (r.scope.lookup(name) !== (p.parent.get('body') as AnyNode).scope.lookup(name)) return;
            this.use(r, 'block');
          });
        return;
      }
      block('content blocks are iterated with a destructuring loop');
    }
    if (parent.type === 'VariableDeclarator' && parent.init === node) {
      if (parent.id.type === 'Identifier') {
        const ann = parent.id.typeAnnotation?.typeAnnotation;
        if (ann && !(ann.type === 'TSAnyKeyword' || (ann.type === 'TSArrayType' && ann.elementType.type === 'TSAnyKeyword'))) block('the content blocks variable has a type annotation');
        return this.trackVariable(p.parent, 'blocks');
      }
      if (parent.id.type === 'ArrayPattern' && parent.id.elements.length === 1 && parent.id.elements[0]?.type === 'Identifier') {
        const name = parent.id.elements[0].name;
        for (const r of this.localRefs(p.parent, name)) this.use(r, 'block');
        return;
      }
      block('the content blocks are destructured in a way that cannot be followed');
    }
    // `history.push({ role: "assistant", content: <blocks> })`: the request side must migrate that history.
    if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value === node) {
      const obj = p.parent.parent.node;
      const role = obj.properties.find((x: AnyNode) => (x.key?.name ?? x.key?.value) === 'role');
      if (role && staticString(role.value) === 'assistant') {
        this.passThrough.add(parent);
        return;
      }
    }
    block('the content blocks escape into other code');
  }

  localRefs(declaratorPath: AnyNode, name: string): AnyNode[] {
    const j = this.j;
    const scope = declaratorPath.scope;
    const out: AnyNode[] = [];
    j(declaratorPath.parent.parent)
      .find(j.Identifier, { name } as never)
      .forEach((r: AnyNode) => {
        if (r.scope.lookup(name) !== scope) return;
        const par = r.parent.node;
        if (par.type === 'ArrayPattern' || par.type === 'ObjectPattern') return;
        if ((par.type === 'ObjectProperty' || par.type === 'Property') && r.parent.parent?.node.type === 'ObjectPattern') return;
        if ((par.type === 'MemberExpression' || par.type === 'OptionalMemberExpression') && par.property === r.node && !par.computed) return;
        if ((par.type === 'ObjectProperty' || par.type === 'Property') && par.key === r.node && !par.computed && !par.shorthand) return;
        out.push(r);
      });
    return out;
  }

  /** `(block) => ...` given to map/filter/find: the parameter is a content block. */
  callback(call: AnyNode, callPath: AnyNode): void {
    const j = this.j;
    const fn = call.arguments[0];
    if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) block('content blocks are passed to a callback that is not inline');
    const param = fn.params[0];
    if (!param) return;
    if (param.type !== 'Identifier') block('a content-block callback destructures its parameter');
    // An annotation describes the Anthropic block: it is dropped, the Converse type is inferred.
    const ann = param.typeAnnotation?.typeAnnotation;
    if (fn.returnType) block('a content-block callback declares a return type (type guard)');
    const fnPath = callPath.get('arguments', 0);
    const name = param.name;
    j(fnPath)
      .find(j.Identifier, { name } as never)
      .forEach((r: AnyNode) => {
        if (r.node === param) return;
        if (r.scope.lookup(name) !== fnPath.get('body').scope.lookup(name) && r.scope.lookup(name) !== fnPath.scope) {
          if (r.scope.lookup(name)?.node !== fn) return;
        }
        if (r.scope.lookup(name)?.node !== fn) return;
        const par = r.parent.node;
        if ((par.type === 'MemberExpression' || par.type === 'OptionalMemberExpression') && par.property === r.node && !par.computed) return;
        if ((par.type === 'ObjectProperty' || par.type === 'Property') && par.key === r.node && !par.computed && !par.shorthand) return;
        this.use(r, 'block');
      });
    if (this.ts && ann) this.rewrites.push(() => (param.typeAnnotation = null));
  }

  useBlock(p: AnyNode, maybeUndefined = false): void {
    const j = this.j;
    const parent: AnyNode = p.parent.node;
    const node: AnyNode = p.node;
    const isMember = (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === node;
    if (isMember) {
      const field = parent.computed ? staticString(parent.property) : parent.property.name;
      const optional = parent.type === 'OptionalMemberExpression' || !!parent.optional;
      const memberPath = p.parent;
      // In TS a block from find()/at() is `ContentBlock | undefined`; the original read it unchecked
      // (an untyped JSON value), so the read gets a `!` (no run-time effect).
      if (this.ts && maybeUndefined && !optional) this.rewrites.push(() => (memberPath.node.object = j.tsNonNullExpression(memberPath.node.object)));
      if (field === 'text') {
        if (this.ts && !this.comparedAt(memberPath) && !optional) this.rewrites.push(() => memberPath.replace(j.tsNonNullExpression(memberPath.node)));
        return;
      }
      if (field === 'type') {
        const cmp: AnyNode = memberPath.parent.node;
        if (cmp.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(cmp.operator)) {
          const other = cmp.left === parent ? cmp.right : cmp.left;
          const value = staticString(other);
          const converse = value !== undefined ? BLOCK_TYPES[value] : undefined;
          if (!converse) block(`content block type "${value ?? '?'}" has no mapped Converse test`);
          const negate = cmp.operator.startsWith('!');
          const cmpPath = memberPath.parent;
          this.rewrites.push(() => {
            const [first, second] = converse.split('.');
            let test: AnyNode = j.memberExpression(memberPath.node.object, j.identifier(first));
            if (second) test = j.optionalMemberExpression(test, j.identifier(second), false, true);
            cmpPath.replace(j.binaryExpression(negate ? '===' : '!==', test, j.identifier('undefined')));
          });
          return;
        }
        block('block.type is used other than in an equality test');
      }
      if (field && field in THINKING_FIELDS) {
        const target = THINKING_FIELDS[field];
        this.rewrites.push(() => {
          const bang = (e: AnyNode) => (this.ts && !optional ? j.tsNonNullExpression(e) : e);
          const member = (o: AnyNode, name: string) => (optional ? j.optionalMemberExpression(o, j.identifier(name), false, true) : j.memberExpression(o, j.identifier(name)));
          let e = bang(member(memberPath.node.object, 'reasoningContent'));
          e = bang(member(e, 'reasoningText'));
          e = member(e, target);
          memberPath.replace(this.comparedAt(memberPath) ? e : bang(e));
        });
        return;
      }
      if (field && field in TOOL_USE_FIELDS) {
        const target = TOOL_USE_FIELDS[field];
        this.rewrites.push(() => {
          const obj = memberPath.node.object;
          let inner: AnyNode = optional ? j.optionalMemberExpression(obj, j.identifier('toolUse'), false, true) : j.memberExpression(obj, j.identifier('toolUse'));
          if (this.ts && !optional) inner = j.tsNonNullExpression(inner);
          let expr: AnyNode = optional ? j.optionalMemberExpression(inner, j.identifier(target), false, true) : j.memberExpression(inner, j.identifier(target));
          if (this.ts && !optional) {
            expr = target === 'input' ? j.tsAsExpression(expr, j.tsAnyKeyword()) : this.comparedAt(memberPath) ? expr : j.tsNonNullExpression(expr);
            if (target === 'input' && (memberPath.parent.node.type === 'MemberExpression' || memberPath.parent.node.type === 'OptionalMemberExpression')) {
              expr = j.parenthesizedExpression(expr);
            }
          }
          memberPath.replace(expr);
        });
        return;
      }
      block(`content block field "${field ?? '?'}" has no mapped Converse equivalent`);
    }
    if (parent.type === 'VariableDeclarator' && parent.init === node) {
      if (parent.id.type === 'Identifier') {
        const ann = parent.id.typeAnnotation?.typeAnnotation;
        if (ann && ann.type !== 'TSAnyKeyword') block('the content block variable has a type annotation');
        return this.trackVariable(p.parent, 'block', maybeUndefined);
      }
      if (parent.id.type === 'ObjectPattern') {
        const props = parent.id.properties;
        const keys = props.map((x: AnyNode) => (x.type === 'ObjectProperty' || x.type === 'Property') && !x.computed ? x.key.name ?? x.key.value : undefined);
        if (keys.every((k: string | undefined) => k === 'text')) return;
        if (keys.every((k: string | undefined) => k && k in TOOL_USE_FIELDS)) {
          this.rewrites.push(() => {
            for (const x of props) {
              const k = x.key.name ?? x.key.value;
              if (k === 'id') {
                const local = x.value;
                x.key = j.identifier('toolUseId');
                x.shorthand = false;
                x.value = local;
              }
            }
            let init: AnyNode = j.memberExpression(p.node, j.identifier('toolUse'));
            if (this.ts) init = j.tsNonNullExpression(init);
            parent.init = init;
          });
          return;
        }
        block('a content block is destructured with fields that cannot be mapped');
      }
    }
    if (parent.type === 'ReturnStatement' || parent.type === 'ArrowFunctionExpression') {
      // A filter/find/some predicate returning the block itself is a truthiness test: unchanged.
      const fn = parent.type === 'ArrowFunctionExpression' ? parent : undefined;
      if (fn && fn.body === node) block('a callback returns the content block itself');
    }
    if (
      parent.type === 'LogicalExpression' ||
      (parent.type === 'IfStatement' && parent.test === node) ||
      (parent.type === 'ConditionalExpression' && parent.test === node) ||
      (parent.type === 'UnaryExpression' && parent.operator === '!')
    ) {
      return; // truthiness test (for example after find())
    }
    block('a content block escapes into other code');
  }

  useUsage(p: AnyNode): void {
    const j = this.j;
    const parent: AnyNode = p.parent.node;
    const node: AnyNode = p.node;
    const isMember = (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === node;
    if (isMember) {
      const field = parent.computed ? staticString(parent.property) : parent.property.name;
      const target = field ? USAGE_FIELDS[field] : undefined;
      if (!target) block(`usage field "${field ?? '?'}" has no mapped Converse equivalent`);
      const memberPath = p.parent;
      const optional = parent.type === 'OptionalMemberExpression' || !!parent.optional;
      this.rewrites.push(() => {
        const obj = memberPath.node.object;
        let e: AnyNode = optional ? j.optionalMemberExpression(obj, j.identifier(target), false, true) : j.memberExpression(obj, j.identifier(target));
        if (this.ts && !optional && !this.comparedAt(memberPath)) e = j.tsNonNullExpression(e);
        memberPath.replace(e);
      });
      return;
    }
    if (parent.type === 'VariableDeclarator' && parent.init === node) {
      if (parent.id.type === 'Identifier') return this.trackVariable(p.parent, 'usage');
      if (parent.id.type === 'ObjectPattern') {
        const props = parent.id.properties;
        for (const x of props) {
          const k = (x.type === 'ObjectProperty' || x.type === 'Property') && !x.computed ? x.key.name ?? x.key.value : undefined;
          if (!k || !USAGE_FIELDS[k] || x.value.type !== 'Identifier') block('usage is destructured with fields that cannot be mapped');
        }
        this.rewrites.push(() => {
          for (const x of props) {
            const k = x.key.name ?? x.key.value;
            const local = x.value;
            x.key = j.identifier(USAGE_FIELDS[k]);
            x.shorthand = false;
            x.value = local;
          }
        });
        return;
      }
    }
    block('usage is passed on whole (its field names differ in Converse)');
  }

  useStopReason(p: AnyNode): void {
    const parent: AnyNode = p.parent.node;
    const node: AnyNode = p.node;
    if (parent.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator)) {
      const other = parent.left === node ? parent.right : parent.left;
      const value = staticString(other);
      if (value !== undefined && !isConverseStopReason(value)) this.unknownStopReason(p, value);
      return;
    }
    if (parent.type === 'SwitchStatement' && parent.discriminant === node) {
      parent.cases.forEach((c: AnyNode, i: number) => {
        const value = c.test ? staticString(c.test) : undefined;
        if (value !== undefined && !isConverseStopReason(value)) this.unknownStopReason(p, value, p.parent.get('cases', i));
      });
      return;
    }
    if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
      if (parent.id.typeAnnotation) block('the stop reason variable has a type annotation');
      return this.trackVariable(p.parent, 'stopReason');
    }
    // Returned, logged, stored: a plain string either way.
  }

  /**
   * `refusal` / `pause_turn` have no Converse StopReason member (reference §2e, §5). The comparison keeps
   * its string (the SDK passes unknown values through), with a comment; in TS the value is widened to
   * string so the comparison still type-checks. Refusal handling itself is the refusal-stop-reason codemod's job.
   */
  unknownStopReason(p: AnyNode, value: string, at?: AnyNode): void {
    const j = this.j;
    const stmt = at ?? statementOf(p);
    this.rewrites.push(() => {
      if (stmt) {
        const text = ` Converse has no "${value}" stop reason; the SDK passes unknown values through unchanged.`;
        const comments = (stmt.node.comments ??= []);
        if (!comments.some((c: AnyNode) => c.value === text)) comments.push(j.commentLine(text, true, false));
      }
    });
    if (this.ts && !this.widen.includes(p)) this.widen.push(p);
  }

  /** Paths of stop-reason values that must be widened to string in TS (applied after the rewrites). */
  widen: AnyNode[] = [];
}

/**
 * `withRetry(() => client.send(cmd))`: the arrow is the first argument of a same-file function whose first
 * parameter is only ever called and its result returned (`return await fn()`), so the wrapper's call resolves
 * to the response. Returns the wrapper call's path.
 */
function retryWrapperCall(j: CodemodContext['j'], root: CodemodContext['root'], sendPath: AnyNode): AnyNode {
  const arrow: AnyNode = sendPath.parent;
  if (arrow.node.type !== 'ArrowFunctionExpression' || arrow.node.body !== sendPath.node || arrow.node.params.length !== 0) return undefined;
  const call: AnyNode = arrow.parent;
  if (call.node.type !== 'CallExpression' || call.node.arguments[0] !== arrow.node || call.node.callee.type !== 'Identifier') return undefined;
  const decl = declarationOf(call.node.callee.name, call);
  const fnPath: AnyNode = decl?.node.type === 'VariableDeclarator' ? decl.get('init') : decl;
  const fn: AnyNode = fnPath?.node;
  if (!fn || !/^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(fn.type) || fn.params[0]?.type !== 'Identifier') return undefined;
  const param: string = fn.params[0].name;
  let ok = true;
  let returned = 0;
  for (const r of referencePaths(j, root, param, fnPath.get('params', 0)) as AnyNode[]) {
    let q: AnyNode = r.parent;
    if (q.node.type !== 'CallExpression' || q.node.callee !== r.node || q.node.arguments.length !== 0) ok = false;
    else {
      if (q.parent.node.type === 'AwaitExpression') q = q.parent;
      if (q.parent.node.type === 'ReturnStatement') returned++;
      else ok = false;
    }
  }
  return ok && returned > 0 ? call : undefined;
}

/**
 * `readBody(output)`: a same-file helper whose only statement returns `JSON.parse` of its one parameter's
 * body, decoded as UTF-8 (TextDecoder or Buffer). The call is the parsed message; the helper goes once unused.
 */
function decodeHelper(p: AnyNode): { name: string; declPath: AnyNode } | undefined {
  const call: AnyNode = p.parent.node;
  if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.arguments.length !== 1 || call.arguments[0] !== p.node) return undefined;
  const decl = declarationOf(call.callee.name, p);
  const fnPath: AnyNode = decl?.node.type === 'VariableDeclarator' ? decl.get('init') : decl;
  const fn: AnyNode = fnPath?.node;
  if (!fn || !/^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(fn.type) || fn.async || fn.params.length !== 1 || fn.params[0].type !== 'Identifier') return undefined;
  const binding = functionBinding(fnPath);
  if (!binding || isExported(binding.declPath)) return undefined; // other modules may decode InvokeModel bodies with it
  const stmts: AnyNode[] = fn.body.type === 'BlockStatement' ? fn.body.body : [{ type: 'ReturnStatement', argument: fn.body }];
  const ret: AnyNode = stmts.length === 1 && stmts[0].type === 'ReturnStatement' ? stmts[0].argument : undefined;
  const isCall = (n: AnyNode, obj: (o: AnyNode) => boolean, prop: string): boolean =>
    n?.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.name === prop && obj(n.callee.object);
  const utf8 = (args: AnyNode[]): boolean => args.length === 0 || (args.length === 1 && /^utf-?8$/i.test(staticString(args[0]) ?? ''));
  if (!isCall(ret, (o) => o.type === 'Identifier' && o.name === 'JSON', 'parse') || ret.arguments.length !== 1) return undefined;
  const text: AnyNode = ret.arguments[0];
  const param: string = fn.params[0].name;
  const isBody = (n: AnyNode): boolean => n?.type === 'MemberExpression' && !n.computed && n.object.type === 'Identifier' && n.object.name === param && n.property.name === 'body';
  const decoder = isCall(text, (o) => o.type === 'NewExpression' && o.callee.type === 'Identifier' && o.callee.name === 'TextDecoder' && utf8(o.arguments), 'decode');
  const buffer = isCall(text, (o) => isCall(o, (b) => b.type === 'Identifier' && b.name === 'Buffer', 'from') && o.arguments.length === 1 && isBody(o.arguments[0]), 'toString');
  if (decoder ? !(text.arguments.length === 1 && isBody(text.arguments[0])) : !(buffer && utf8(text.arguments))) return undefined;
  return binding;
}

/** `export function f…` / `export const f = …`: other modules may call it. */
function isExported(declPath: AnyNode): boolean {
  const holder: AnyNode = declPath.node.type === 'VariableDeclarator' ? declPath.parent?.parent : declPath.parent;
  return /^Export(Named|Default)Declaration$/.test(holder?.node.type ?? '');
}

/** `console.log("…", response)`, `logger.info(response)`, `this.log.debug(…)`: printing it passes nothing on. */
function isLogArgument(p: AnyNode): boolean {
  const call: AnyNode = p.parent.node;
  if (call.type !== 'CallExpression' || !call.arguments.includes(p.node)) return false;
  const callee: AnyNode = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || !/^(log|info|debug|warn|error|trace)$/.test(callee.property.name)) return false;
  const target: AnyNode = callee.object.type === 'MemberExpression' && !callee.object.computed ? callee.object.property : callee.object;
  return target.type === 'Identifier' && /^(console|logger|log)$/i.test(target.name);
}

function declarationContains(decl: AnyNode, prop: AnyNode): boolean {
  return decl.id.properties.includes(prop);
}

function statementOf(p: AnyNode): AnyNode {
  let cur = p;
  while (cur && cur.parent) {
    const t = cur.node.type;
    if (/Statement$|Declaration$/.test(t) && t !== 'BlockStatement') return cur;
    cur = cur.parent;
  }
  return undefined;
}

function removeDeclaratorStatement(j: CodemodContext['j'], declarator: AnyNode): void {
  const declaration = declarator.parent;
  if (declaration?.node.type === 'VariableDeclaration' && declaration.node.declarations.length === 1) j(declaration).remove();
  else j(declarator).remove();
}

export { declarationOf };
