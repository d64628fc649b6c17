import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { constDeclarator, isObjectProperty, propertyName, unwrap, type AnyNode } from './ast-utils';

const BEDROCK_SDK = '@anthropic-ai/bedrock-sdk';
const FIRST_PARTY_SDK = '@anthropic-ai/sdk';

/**
 * Finds the `model` values given to the `AnthropicBedrock` client (`@anthropic-ai/bedrock-sdk`):
 * `client.messages.create|stream({ model })` and `client.beta.messages.create|stream({ model })`.
 * Returns the model-value nodes (string and template literals, also the literal a `const` binds and the
 * literal fallbacks of `??`, `||` and `?:`). Only there is a Claude API
 * name such as `claude-3-5-sonnet-20241022` a model ID to rewrite.
 */
export function anthropicBedrockModels(j: JSCodeshift, root: Collection): Set<AnyNode> {
  const values = new Set<AnyNode>();
  const classNames = new Set<string>();
  const namespaces = new Set<string>();
  // AnthropicBedrockMantle (bedrock-mantle) takes its own IDs; its calls are not ours.
  let importsMantle = false;
  let importsBedrock = false;
  let importsFirstParty = false;

  root.find(j.ImportDeclaration).forEach((p) => {
    const source = (p.node.source as AnyNode).value;
    if (source === FIRST_PARTY_SDK) importsFirstParty = true;
    if (source !== BEDROCK_SDK) return;
    importsBedrock = true;
    for (const spec of (p.node.specifiers ?? []) as AnyNode[]) {
      const local = spec.local?.name as string | undefined;
      if (!local) continue;
      if (spec.type === 'ImportDefaultSpecifier') classNames.add(local);
      else if (spec.type === 'ImportNamespaceSpecifier') namespaces.add(local);
      else if (spec.type === 'ImportSpecifier') {
        const imported = spec.imported?.name ?? spec.imported?.value;
        if (imported === 'AnthropicBedrock' || imported === 'default') classNames.add(local);
        if (imported === 'AnthropicBedrockMantle') importsMantle = true;
      }
    }
  });
  // import X = require('@anthropic-ai/bedrock-sdk')
  root.find(j.TSImportEqualsDeclaration).forEach((p) => {
    const node = p.node as AnyNode;
    const ref = node.moduleReference as AnyNode;
    if (ref?.type === 'TSExternalModuleReference' && ref.expression?.value === BEDROCK_SDK) {
      importsBedrock = true;
      namespaces.add(node.id.name);
      classNames.add(node.id.name);
    }
  });
  // require(...) and await import(...)
  const isSdkLoad = (node: AnyNode | null | undefined, sdk: string): boolean => {
    const n = node ? unwrap(node) : null;
    if (!n) return false;
    if (n.type === 'AwaitExpression') return isSdkLoad(n.argument, sdk);
    if (n.type === 'CallExpression') {
      const callee = n.callee as AnyNode;
      const arg = n.arguments[0] as AnyNode | undefined;
      const isLoader = (callee.type === 'Identifier' && callee.name === 'require') || callee.type === 'Import';
      return isLoader && !!arg && (arg.type === 'StringLiteral' || arg.type === 'Literal') && arg.value === sdk;
    }
    return false;
  };
  root.find(j.VariableDeclarator).forEach((p) => {
    const init = p.node.init as AnyNode | null;
    if (!init) return;
    if (isSdkLoad(init, FIRST_PARTY_SDK)) importsFirstParty = true;
    const id = p.node.id as AnyNode;
    const inner = unwrap(init);
    if (isSdkLoad(inner, BEDROCK_SDK)) {
      importsBedrock = true;
      if (id.type === 'Identifier') {
        namespaces.add(id.name);
        classNames.add(id.name);
      } else if (id.type === 'ObjectPattern') {
        for (const prop of id.properties as AnyNode[]) {
          const key = propertyName(prop);
          const value = prop.value as AnyNode | undefined;
          if ((key === 'AnthropicBedrock' || key === 'default') && value?.type === 'Identifier') classNames.add(value.name);
          if (key === 'AnthropicBedrockMantle') importsMantle = true;
        }
      }
    } else if (inner.type === 'MemberExpression' && isSdkLoad(inner.object, BEDROCK_SDK)) {
      importsBedrock = true;
      const prop = inner.property as AnyNode;
      if (id.type === 'Identifier' && (prop.name === 'AnthropicBedrock' || prop.name === 'default')) classNames.add(id.name);
    }
  });
  if (!importsBedrock) return values;

  const isClientClass = (callee: AnyNode): boolean => {
    if (callee.type === 'Identifier') return classNames.has(callee.name);
    if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && namespaces.has(callee.object.name)) {
      const name = callee.property.name;
      return name === 'AnthropicBedrock' || name === 'default';
    }
    return false;
  };

  // Names that hold a client: variables, class fields, `this.x = new …`, parameters typed AnthropicBedrock.
  const clientNames = new Set<string>();
  root.find(j.NewExpression).forEach((p) => {
    if (!isClientClass(p.node.callee as AnyNode)) return;
    const parent = p.parentPath.node as AnyNode;
    if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') clientNames.add(parent.id.name);
    if (parent.type === 'AssignmentExpression') {
      const left = parent.left as AnyNode;
      if (left.type === 'Identifier') clientNames.add(left.name);
      if (left.type === 'MemberExpression' && left.property.type === 'Identifier') clientNames.add(left.property.name);
    }
    if ((parent.type === 'ClassProperty' || parent.type === 'PropertyDefinition') && parent.key.type === 'Identifier') {
      clientNames.add(parent.key.name);
    }
    if (isObjectProperty(parent)) {
      const name = propertyName(parent);
      if (name) clientNames.add(name);
    }
  });
  root.find(j.TSTypeReference).forEach((p) => {
    const typeName = p.node.typeName as AnyNode;
    const named =
      (typeName.type === 'Identifier' && classNames.has(typeName.name)) ||
      (typeName.type === 'TSQualifiedName' && namespaces.has(typeName.left.name));
    if (!named) return;
    const holder = p.parentPath?.parentPath?.node as AnyNode | undefined;
    if (holder?.type === 'Identifier') clientNames.add(holder.name);
    if ((holder?.type === 'ClassProperty' || holder?.type === 'TSParameterProperty') && holder.key?.type === 'Identifier') {
      clientNames.add(holder.key.name);
    }
  });

  // When the file uses no other Anthropic client, every `.messages.create` call is an AnthropicBedrock one.
  const anyReceiver = !importsFirstParty && !importsMantle && !ctxMentionsMantle(root, j);
  const isClientReceiver = (node: AnyNode): boolean => {
    const n = unwrap(node);
    if (n.type === 'NewExpression') return isClientClass(n.callee);
    if (n.type === 'Identifier') return anyReceiver || clientNames.has(n.name);
    if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
      return anyReceiver || clientNames.has(n.property.name);
    }
    return anyReceiver;
  };

  root.find(j.CallExpression).forEach((p) => {
    const callee = p.node.callee as AnyNode;
    if (callee.type !== 'MemberExpression' || callee.computed) return;
    const method = callee.property.name;
    if (method !== 'create' && method !== 'stream') return;
    const messages = callee.object as AnyNode;
    if (messages.type !== 'MemberExpression' || messages.computed || messages.property.name !== 'messages') return;
    let receiver = messages.object as AnyNode;
    if (receiver.type === 'MemberExpression' && !receiver.computed && receiver.property.name === 'beta') receiver = receiver.object;
    if (!isClientReceiver(receiver)) return;
    const arg = p.node.arguments[0] as AnyNode | undefined;
    if (!arg || unwrap(arg).type !== 'ObjectExpression') return;
    const argPath = p.get('arguments', 0) as ASTPath;
    const objectPath = unwrap(arg) === arg ? argPath : (argPath.get('expression') as ASTPath);
    (unwrap(arg).properties as AnyNode[]).forEach((prop, i) => {
      if (isObjectProperty(prop) && propertyName(prop) === 'model') {
        collectModelValues(j, objectPath.get('properties', i, 'value') as ASTPath, values);
      }
    });
  });
  return values;
}

/** `AnthropicBedrockMantle` used through a namespace or default import (`sdk.AnthropicBedrockMantle`). */
function ctxMentionsMantle(root: Collection, j: JSCodeshift): boolean {
  return root.find(j.Identifier, { name: 'AnthropicBedrockMantle' } as never).size() > 0;
}

function collectModelValues(j: JSCodeshift, path: ASTPath, values: Set<AnyNode>): void {
  const node = unwrap(path.node as AnyNode);
  switch (node.type) {
    case 'StringLiteral':
    case 'Literal':
    case 'TemplateLiteral':
      values.add(node);
      return;
    case 'LogicalExpression':
      collectModelValues(j, path.get('right') as ASTPath, values);
      return;
    case 'ConditionalExpression':
      collectModelValues(j, path.get('consequent') as ASTPath, values);
      collectModelValues(j, path.get('alternate') as ASTPath, values);
      return;
    case 'Identifier': {
      const declarator = constDeclarator(j, path, node.name);
      if (declarator && (declarator.node as AnyNode).init) {
        collectModelValues(j, declarator.get('init') as ASTPath, values);
      }
      return;
    }
    default:
      return;
  }
}
