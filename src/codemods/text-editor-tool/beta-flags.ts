import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { isObjectProperty, keyName, propertyNamed, stringValue, unwrap, type AnyNode } from './ast';
import { cutItems, forEachFresh } from './list-text';
import {
  BASH_TYPE_PATTERN,
  BETA_FLAG_PATTERN,
  COMPUTER_FLAG_PATTERN,
  COMPUTER_FLAGS,
  DROPPED_FLAGS,
  type ComputerVersion,
} from './facts';
import { enclosingRequest, type Bindings } from './requests';
import { toolObjectsBelow } from './tool-types';

interface ToolSet {
  computers: Set<ComputerVersion>;
  bash: boolean;
}

function toolSet(objects: readonly AnyNode[]): ToolSet {
  const set: ToolSet = { computers: new Set(), bash: false };
  for (const obj of objects) {
    const type = stringValue(propertyNamed(obj, 'type')?.value);
    if (!type) continue;
    if (type in COMPUTER_FLAGS) set.computers.add(type as ComputerVersion);
    else if (BASH_TYPE_PATTERN.test(type)) set.bash = true;
  }
  return set;
}

/**
 * The flags a request keeps once its tools moved to the Claude 4 versions:
 * - token-efficient-tools-2025-02-19 and output-128k-2025-02-19 go (Claude 3.7 only, §8);
 * - a computer-use flag follows the request's computer tool version (§6c);
 * - without a computer tool, computer-use-2024-10-22 (which only enabled the old beta tool types)
 *   goes, except next to bash_20250124, which the AWS tool table pairs with computer-use-2025-01-24
 *   [uncertain: the Claude API needs no flag for bash].
 * When the request's tools cannot be read, only the Claude 3.7 flags go.
 * Returns undefined when the flags cannot be decided (several computer versions).
 */
function nextFlags(flags: readonly string[], tools: ToolSet | undefined): string[] | undefined {
  if (!tools) return flags.filter((f) => !DROPPED_FLAGS.has(f));
  if (tools.computers.size > 1) return undefined;
  const computer = [...tools.computers][0];
  const out: string[] = [];
  for (const flag of flags) {
    let next: string | undefined = flag;
    if (DROPPED_FLAGS.has(flag)) next = undefined;
    else if (COMPUTER_FLAG_PATTERN.test(flag)) {
      if (computer) next = COMPUTER_FLAGS[computer];
      else if (flag === COMPUTER_FLAGS.computer_20241022) next = tools.bash ? COMPUTER_FLAGS.computer_20250124 : undefined;
    }
    if (next !== undefined && !out.includes(next)) out.push(next);
  }
  return out;
}

/** Keeps a header value `a,b` as a list. */
function splitHeader(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * Updates `anthropic_beta` (InvokeModel bodies, Converse additionalModelRequestFields), `betas`
 * (beta.messages.create) and `anthropic-beta` headers that go with the text editor tool.
 */
export function updateBetaFlags(ctx: CodemodContext, bindings: Bindings): boolean {
  const { j, root } = ctx;
  let changed = false;
  const fileObjects = toolObjectsBelow(root.get().node);
  const fileTools = fileObjects.length > 0 ? toolSet(fileObjects) : undefined;

  const toolsFor = (path: ASTPath): ToolSet | undefined => {
    const request = enclosingRequest(path);
    const objects = request ? bindings.toolObjects(propertyNamed(request, 'tools')?.value) : [];
    return objects.length > 0 ? toolSet(objects) : fileTools;
  };

  // Flag arrays: the value of anthropic_beta / betas, or a constant list of flags.
  forEachFresh(() => root.find(j.ArrayExpression), (path) => {
    const node = path.node as AnyNode;
    const flags = node.elements.map((e: AnyNode) => stringValue(e));
    if (flags.length === 0 || !flags.every((f: string | undefined) => f !== undefined && BETA_FLAG_PATTERN.test(f))) return false;
    if (!flags.some((f: string) => DROPPED_FLAGS.has(f) || COMPUTER_FLAG_PATTERN.test(f)) || ctx.isIgnored(path)) return false;
    const next = nextFlags(flags as string[], toolsFor(path));
    if (!next) {
      ctx.marker(path, 'the request uses several computer tool versions: set the computer-use beta flag by hand');
      return false;
    }
    if (next.length === flags.length && next.every((f, i) => f === flags[i])) return false;
    const elements = next.map((flag) => node.elements[flags.indexOf(flag)] ?? j.stringLiteral(flag));
    const owner = path.parentPath?.node as AnyNode;
    if (elements.length === 0 && isObjectProperty(owner) && ['anthropic_beta', 'betas'].includes(keyName(owner) ?? '')) {
      const objectPath = path.parentPath?.parentPath?.parentPath as ASTPath;
      const object = objectPath.node as AnyNode;
      cutItems(ctx, objectPath, [{ index: object.properties.indexOf(owner), kind: 'item' }]);
    } else {
      node.elements = elements;
    }
    changed = true;
    return true;
  });

  // `'anthropic-beta': 'a,b'` headers (AnthropicBedrock copies them into anthropic_beta).
  forEachFresh(() => root.find(j.ObjectExpression), (path) => {
    const header = propertyNamed(path.node, 'anthropic-beta');
    const value = header ? stringValue(unwrap(header.value)) : undefined;
    if (!header || value === undefined || ctx.isIgnored(path)) return false;
    const flags = splitHeader(value);
    const next = nextFlags(flags, toolsFor(path));
    if (!next || next.join(',') === flags.join(',')) return false;
    if (next.length === 0) cutItems(ctx, path, [{ index: (path.node as AnyNode).properties.indexOf(header), kind: 'item' }]);
    else header.value = j.stringLiteral(next.join(','));
    changed = true;
    return true;
  });
  return changed;
}
