import type { Collection, JSCodeshift } from 'jscodeshift';
import { keyName, properties, propertyNamed, stringValue, unwrap, type AnyNode } from './ast';
import { EDITOR_COMMANDS, UNDO_COMMAND } from './facts';

function isCommand(value: string | undefined): value is string {
  return value !== undefined && (value === UNDO_COMMAND || EDITOR_COMMANDS.has(value));
}

/**
 * Tells which text editor command a node stands for: a string, a member of a same-file enum or
 * constant object (`Command.UndoEdit`), a zod literal, a schema branch or a typed variant.
 */
export class CommandReader {
  /** `Enum.Member` / `OBJECT.KEY` → command string. */
  readonly members = new Map<string, string>();
  /** Same-file interfaces and type aliases, by name. */
  private readonly types = new Map<string, AnyNode>();

  constructor(j: JSCodeshift, root: Collection) {
    root.find(j.TSEnumDeclaration).forEach((p) => {
      const node = p.node as AnyNode;
      for (const member of node.members) {
        const value = stringValue(member.initializer);
        const name = member.id.type === 'Identifier' ? member.id.name : stringValue(member.id);
        if (isCommand(value) && name) this.members.set(`${node.id.name}.${name}`, value);
      }
    });
    root.find(j.VariableDeclarator).forEach((p) => {
      const node = p.node as AnyNode;
      const init = unwrap(node.init);
      if (node.id.type !== 'Identifier' || init?.type !== 'ObjectExpression') return;
      for (const prop of properties(init)) {
        const value = stringValue(unwrap(prop.value));
        const key = keyName(prop);
        if (isCommand(value) && key) this.members.set(`${node.id.name}.${key}`, value);
      }
    });
    root.find(j.TSInterfaceDeclaration).forEach((p) => void this.types.set((p.node as AnyNode).id.name, (p.node as AnyNode).body));
    root.find(j.TSTypeAliasDeclaration).forEach((p) => void this.types.set((p.node as AnyNode).id.name, (p.node as AnyNode).typeAnnotation));
  }

  /** A plain command value: string, literal type, enum/constant member. */
  value(node: AnyNode): string | undefined {
    const n = unwrap(node);
    if (!n) return undefined;
    const s = stringValue(n);
    if (s !== undefined) return s;
    if ((n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') && n.object.type === 'Identifier') {
      const prop = n.computed ? stringValue(n.property) : n.property.type === 'Identifier' ? n.property.name : undefined;
      return prop ? this.members.get(`${n.object.name}.${prop}`) : undefined;
    }
    if (n.type === 'TSTypeReference' && n.typeName.type === 'TSQualifiedName' && n.typeName.left.type === 'Identifier') {
      return this.members.get(`${n.typeName.left.name}.${n.typeName.right.name}`);
    }
    return undefined;
  }

  /** The command of one element of a list of commands or command variants. */
  element(node: AnyNode, depth = 0): string | undefined {
    if (!node || depth > 4) return undefined;
    const direct = this.value(node);
    if (direct !== undefined) return direct;
    const n = unwrap(node);
    switch (n.type) {
      case 'CallExpression': {
        const callee = n.callee;
        const method = callee?.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : undefined;
        if (method === 'literal') return this.value(n.arguments[0]);
        if (method === 'object' || method === 'strictObject') return this.element(n.arguments[0], depth + 1);
        return undefined;
      }
      case 'ObjectExpression': {
        const command = propertyNamed(n, 'command');
        if (command) return this.schemaValue(command.value, depth);
        const props = propertyNamed(n, 'properties');
        return props ? this.element(props.value, depth + 1) : undefined;
      }
      case 'ArrayExpression':
        return n.elements.length > 0 ? this.value(n.elements[0]) : undefined;
      case 'TSTypeLiteral':
        return this.typeMembers(n.members);
      case 'TSInterfaceBody':
        return this.typeMembers(n.body);
      case 'TSTypeReference':
        if (n.typeName.type === 'Identifier') return this.element(this.types.get(n.typeName.name), depth + 1);
        return undefined;
      case 'TSParenthesizedType':
        return this.element(n.typeAnnotation, depth + 1);
      default:
        return undefined;
    }
  }

  /** `command: 'x'`, `command: z.literal('x')`, `command: { const: 'x' }`, `command: { enum: ['x'] }`. */
  private schemaValue(node: AnyNode, depth: number): string | undefined {
    const direct = this.element(node, depth + 1);
    if (direct !== undefined) return direct;
    const n = unwrap(node);
    if (n?.type !== 'ObjectExpression') return undefined;
    const constant = propertyNamed(n, 'const');
    if (constant) return this.value(constant.value);
    const list = unwrap(propertyNamed(n, 'enum')?.value);
    if (list?.type === 'ArrayExpression' && list.elements.length === 1) return this.value(list.elements[0]);
    return undefined;
  }

  private typeMembers(members: AnyNode[]): string | undefined {
    for (const member of members ?? []) {
      if (member.type === 'TSPropertySignature' && keyName(member) === 'command') {
        return this.value(member.typeAnnotation?.typeAnnotation);
      }
    }
    return undefined;
  }
}
