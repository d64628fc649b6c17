/**
 * Questions about a place in the code: which API shape a stop-reason expression has, which model the
 * function calls, what value a `case` label stands for.
 */
import type { ASTPath } from 'jscodeshift';
import { refersToExport, type AnyNode } from '../../ast/bedrock';
import type { CodemodContext } from '../../engine/types';
import { modelOf, shapeOfKind, type FileApis } from './apis';
import {
  enclosingFunction,
  isMember,
  memberName,
  sameExpression,
  shapeOfValues,
  stopReasonShapeOfName,
  stringValue,
  unwrap,
  walk,
  type Shape,
} from './shared';

/** Shared state of one run over one file. */
export interface Run {
  ctx: CodemodContext;
  apis: FileApis;
  ts: boolean;
  /** Local enum name → its member values (name → string value). */
  enums: Map<string, Map<string, string>>;
  /** Local type alias name → its string literal members. */
  unions: Map<string, string[]>;
  changed: boolean;
}

/** The string a `case` label or comparison operand stands for: a literal, a local enum member, AWS `StopReason.X`. */
export function valueOf(run: Run, node: AnyNode): string | undefined {
  const literal = stringValue(node);
  if (literal !== undefined) return literal;
  const n = unwrap(node);
  if (!isMember(n)) return undefined;
  const member = memberName(n);
  if (!member) return undefined;
  if (n.object.type === 'Identifier' && run.enums.has(n.object.name)) return run.enums.get(n.object.name)!.get(member);
  if (refersToExport(run.apis.runtime, n.object, 'StopReason')) return member.toLowerCase();
  return undefined;
}

/** The local enum a `case` label or operand refers to (`Reason.EndTurn` → `Reason`). */
export function enumOf(run: Run, node: AnyNode): string | undefined {
  const n = unwrap(node);
  return isMember(n) && n.object.type === 'Identifier' && run.enums.has(n.object.name) ? n.object.name : undefined;
}

/**
 * The API shape of a stop-reason expression: by its property name (`stop_reason` / `stopReason`), by the
 * declaration of an identifier (initialiser, destructuring, parameter type), else by the compared values,
 * else by the file's calls when they are all of one shape.
 */
export function shapeOf(run: Run, at: ASTPath, expr: AnyNode, values: Iterable<string>): Shape | undefined {
  return shapeOfExpression(run, at, expr) ?? shapeOfValues(values) ?? (run.apis.shapes.size === 1 ? [...run.apis.shapes][0] : undefined);
}

function shapeOfExpression(run: Run, at: ASTPath, expr: AnyNode): Shape | undefined {
  const n = unwrap(expr);
  if (isMember(n)) return stopReasonShapeOfName(memberName(n));
  if (n?.type !== 'Identifier') return undefined;
  const direct = stopReasonShapeOfName(n.name);
  if (direct) return direct;
  const fn = enclosingFunction(at).node as AnyNode;
  let shape: Shape | undefined;
  const fromType = (type: AnyNode): void => {
    const t = type?.type === 'TSTypeAnnotation' ? type.typeAnnotation : type;
    if (t?.type === 'TSUnionType') {
      for (const member of t.types) fromType(member);
      return;
    }
    if (t?.type !== 'TSTypeReference') return;
    if (refersToExport(run.apis.runtime, t.typeName, 'StopReason')) shape = 'converse';
    else if (t.typeName.type === 'TSQualifiedName' && t.typeName.right.name === 'StopReason') shape = 'anthropic';
    else if (t.typeName.type === 'Identifier' && run.unions.has(t.typeName.name)) shape = shapeOfValues(run.unions.get(t.typeName.name)!);
  };
  for (const param of fn.params ?? []) {
    if (param.type === 'Identifier' && param.name === n.name) fromType(param.typeAnnotation);
  }
  if (shape) return shape;
  walk(fn.body ?? fn, (node) => {
    if (shape) return false;
    if (node.type === 'VariableDeclarator') {
      if (node.id.type === 'Identifier' && node.id.name === n.name) {
        if (isMember(unwrap(node.init))) shape = stopReasonShapeOfName(memberName(unwrap(node.init)));
        if (!shape && node.id.typeAnnotation) fromType(node.id.typeAnnotation);
      } else if (node.id.type === 'ObjectPattern') {
        for (const prop of node.id.properties) {
          const key = prop.key?.type === 'Identifier' ? prop.key.name : prop.key?.value;
          if (prop.value?.type === 'Identifier' && prop.value.name === n.name) shape = stopReasonShapeOfName(key);
        }
      }
    } else if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && node.left.name === n.name && isMember(unwrap(node.right))) {
      shape = stopReasonShapeOfName(memberName(unwrap(node.right)));
    }
    return undefined;
  });
  return shape;
}

/** The model of the Claude call(s) made in the same function as `at`, when they agree on one expression. */
export function modelNear(run: Run, at: ASTPath, shape?: Shape): AnyNode | undefined {
  const fn = enclosingFunction(at).node;
  const models: AnyNode[] = [];
  for (const call of run.apis.calls) {
    if (enclosingFunction(call.path).node !== fn) continue;
    if (shape && shapeOfKind(call.kind) !== shape) continue;
    const model = modelOf(call);
    if (!model) return undefined;
    models.push(model);
  }
  if (models.length === 0) return undefined;
  const first = models[0];
  const same = models.every((m) => sameExpression(m, first) || (stringValue(m) !== undefined && stringValue(m) === stringValue(first)));
  return same ? first : undefined;
}
