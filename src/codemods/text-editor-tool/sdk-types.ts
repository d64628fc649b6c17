import fs from 'node:fs';
import path from 'node:path';
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import type { AnyNode } from './ast';

const SDK_TYPE_FILES = ['resources/messages/messages.d.ts', 'resources/beta/messages/messages.d.ts'];
const declared = new Map<string, Set<string> | null>();

/**
 * The type names the @anthropic-ai/sdk installed next to the file declares (null when none is
 * found: the rename then goes ahead, since the code cannot type-check against a missing SDK anyway).
 */
function sdkTypes(filePath: string): Set<string> | null {
  const root = findPackage(path.dirname(path.resolve(filePath)));
  if (!root) return null;
  if (declared.has(root)) return declared.get(root)!;
  let names: Set<string> | null = new Set<string>();
  for (const file of SDK_TYPE_FILES) {
    try {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const m of text.matchAll(/export (?:interface|type) (\w+)/g)) names.add(m[1]);
    } catch {
      // A layout this check does not know: do not block the rename on it.
    }
  }
  if (names.size === 0) names = null;
  declared.set(root, names);
  return names;
}

/** The nearest node_modules/@anthropic-ai/sdk above a directory (the package does not export package.json). */
function findPackage(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, 'node_modules', '@anthropic-ai', 'sdk');
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

function isAnthropicModule(source: AnyNode): boolean {
  const value = source?.value;
  return typeof value === 'string' && value.startsWith('@anthropic-ai/');
}

/**
 * Renames @anthropic-ai/sdk tool types that follow the tool versions (`BetaToolTextEditor20241022`
 * → `BetaToolTextEditor20250728`, …), in imports and qualified names (`Anthropic.Beta.X`), when the
 * installed SDK has the new type.
 */
export function renameSdkTypes(ctx: CodemodContext, renames: Readonly<Record<string, string>>): boolean {
  const { j, root } = ctx;
  let changed = false;
  const available = (name: string, at: ASTPath): boolean => {
    const types = sdkTypes(ctx.file.path);
    if (!types || types.has(name)) return true;
    ctx.marker(at, `the installed @anthropic-ai/sdk has no ${name} type: upgrade it, then use that type here`);
    return false;
  };

  const anthropicBindings = new Set<string>();
  root.find(j.ImportDeclaration).forEach((p) => {
    const node = p.node as AnyNode;
    if (!isAnthropicModule(node.source)) return;
    for (const specifier of node.specifiers ?? []) {
      anthropicBindings.add(specifier.local.name);
      if (specifier.type !== 'ImportSpecifier') continue;
      const imported = specifier.imported.name;
      const next = renames[imported];
      if (!next || ctx.isIgnored(p as ASTPath) || !available(next, p as ASTPath)) continue;
      const local = specifier.local.name;
      specifier.imported = j.identifier(next);
      if (local === imported) {
        specifier.local = j.identifier(next);
        renameTypeReferences(ctx, imported, next);
      } else {
        specifier.local = j.identifier(local);
      }
      changed = true;
    }
  });
  root.find(j.TSImportEqualsDeclaration).forEach((p) => {
    const node = p.node as AnyNode;
    if (node.moduleReference?.type === 'TSExternalModuleReference' && isAnthropicModule(node.moduleReference.expression)) {
      anthropicBindings.add(node.id.name);
    }
  });

  root.find(j.TSQualifiedName).forEach((p) => {
    const node = p.node as AnyNode;
    const next = renames[node.right.name];
    if (!next) return;
    let left = node.left;
    while (left.type === 'TSQualifiedName') left = left.left;
    if (left.type !== 'Identifier' || !anthropicBindings.has(left.name)) return;
    if (ctx.isIgnored(p as ASTPath) || !available(next, p as ASTPath)) return;
    node.right = j.identifier(next);
    changed = true;
  });
  return changed;
}

const TYPE_POSITIONS = new Set(['TSTypeReference', 'TSTypeQuery', 'TSExpressionWithTypeArguments', 'TSInterfaceHeritage', 'TSClassImplements']);

function renameTypeReferences(ctx: CodemodContext, from: string, to: string): void {
  const { j, root } = ctx;
  root.find(j.Identifier, { name: from }).forEach((p) => {
    const parent = p.parentPath?.node as AnyNode;
    if (!parent) return;
    if (TYPE_POSITIONS.has(parent.type) || (parent.type === 'TSQualifiedName' && parent.left === p.node)) {
      p.replace(j.identifier(to));
    }
  });
}
