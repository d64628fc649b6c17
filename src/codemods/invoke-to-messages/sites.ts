/**
 * The InvokeModel-family call sites of a file and what they send: `client.send(new InvokeModelCommand({...}))`,
 * a command held in a variable and sent once, and the aggregated `client.invokeModel({...})` (and the
 * `…WithResponseStream` forms of each), also on a client made in another module (told by the input's keys).
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import {
  declarationOf,
  findAggregatedCalls,
  findCommandConstructions,
  findInvokeModelCallsByShape,
  referencePaths,
  unwrapExpression,
  type AnyNode,
  type RuntimeBindings,
} from '../../ast/bedrock';
import { isGatewayCall } from './gateway';

export type SiteKind = 'invoke' | 'stream';

export interface Site {
  kind: SiteKind;
  /** Where a marker goes when the site is kept. */
  at: ASTPath;
  /** The call whose value is the response (`client.send(…)`, `client.invokeModel(…)`), or why there is none. */
  call?: ASTPath;
  /** The command input (`{ modelId, body, … }`) as written at the construction or the aggregated call. */
  input?: AnyNode;
  /** `const command = new InvokeModelCommand(…)` when the command is held in a variable. */
  commandDeclarator?: ASTPath;
  problem?: string;
  /** The problem is one of run-time values (the input changed after the command is built): see gateway.ts. */
  runtime?: boolean;
}

const COMMANDS: Record<string, SiteKind> = {
  InvokeModelCommand: 'invoke',
  InvokeModelWithResponseStreamCommand: 'stream',
};
const METHODS: Record<string, SiteKind> = { invokeModel: 'invoke', invokeModelWithResponseStream: 'stream' };

function isSendOf(parent: AnyNode, arg: AnyNode): boolean {
  // A send an earlier run converted at a gateway: `sendViaClaudeMessages(client, command, options)`.
  if (isGatewayCall(parent) && parent.arguments[1] === arg) return true;
  return (
    parent?.type === 'CallExpression' &&
    parent.arguments[0] === arg &&
    parent.callee.type === 'MemberExpression' &&
    !parent.callee.computed &&
    parent.callee.property.name === 'send'
  );
}

/** `command.input…`: a read or a write of the command's input. */
function isInputAccess(ref: ASTPath): boolean {
  const parent: AnyNode = ref.parent.node;
  return parent.type === 'MemberExpression' && parent.object === ref.node && !parent.computed && parent.property.name === 'input';
}

/** Every InvokeModel / InvokeModelWithResponseStream site, in document order. */
export function findSites(j: JSCodeshift, root: Collection, bindings: RuntimeBindings): Site[] {
  const sites: Site[] = [];
  for (const [exportName, kind] of Object.entries(COMMANDS)) {
    for (const path of findCommandConstructions(j, root, bindings, exportName)) {
      const node: AnyNode = path.node;
      const input = node.arguments[0];
      let parentPath: AnyNode = path.parent;
      let child: AnyNode = node;
      while (parentPath && ['TSAsExpression', 'ParenthesizedExpression', 'TSNonNullExpression'].includes(parentPath.node.type)) {
        child = parentPath.node;
        parentPath = parentPath.parent;
      }
      if (isSendOf(parentPath.node, child)) {
        sites.push({ kind, at: path, call: parentPath, input });
        continue;
      }
      const decl = parentPath.node;
      if (decl.type === 'VariableDeclarator' && decl.id.type === 'Identifier' && decl.init === child) {
        const refs = referencePaths(j, root, decl.id.name, parentPath);
        const declaration = declarationOf(decl.id.name, parentPath);
        const sends = refs.filter((r) => isSendOf(r.parent.node, r.node));
        if (declaration && refs.length === 1 && sends.length === 1) {
          sites.push({ kind, at: path, call: refs[0]!.parent as ASTPath, input, commandDeclarator: parentPath });
          continue;
        }
        // `command.input.modelId = …` before the one send (LlamaIndex sets the model this way).
        if (sends.length === 1 && refs.every((r) => r === sends[0] || isInputAccess(r))) {
          const problem = 'the command input is changed after the command is built';
          sites.push({ kind, at: path, call: sends[0]!.parent as ASTPath, input, problem, runtime: true });
          continue;
        }
        sites.push({ kind, at: path, input, problem: `the command "${decl.id.name}" is not sent exactly once in this file` });
        continue;
      }
      sites.push({ kind, at: path, input, problem: 'the command is not sent where it is built' });
    }
  }
  for (const [method, kind] of Object.entries(METHODS)) {
    const aggregated = findAggregatedCalls(j, root, bindings, method);
    // `x.invokeModel({ modelId, body })` on a client made in another module: the input's keys say it is Bedrock's.
    for (const path of [...aggregated, ...findInvokeModelCallsByShape(j, root, method, aggregated)]) {
      sites.push({ kind, at: path, call: path, input: (path.node as AnyNode).arguments[0] });
    }
  }
  return sites.sort((a, b) => (a.at.node as AnyNode).start - (b.at.node as AnyNode).start);
}

/** The receiver of the call (`client` in `client.send(…)`), unwrapped. */
export function receiverOf(call: ASTPath): AnyNode {
  return unwrapExpression((call.node as AnyNode).callee.object);
}
