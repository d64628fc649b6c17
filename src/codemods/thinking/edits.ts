/**
 * Property edits on object literals, applied at once per object and laid out as text: an object that was on
 * one line stays on one line, a multi-line one keeps one property per line in the file's indentation and
 * trailing-comma style (recast would print a changed object with blank lines around multi-line properties).
 * Original property values are spliced in as nodes, so recast prints them from their own source.
 */
import type { CodemodContext } from '../../engine/types';
import { keyName, isPlainProperty, type AnyNode } from '../../ast/bedrock';

export interface ObjectEdits {
  remove: Set<string>;
  /** New value text for an existing property. */
  set: Map<string, string>;
  /** New properties (name, value text), appended in order. */
  add: Array<[string, string]>;
}

export class EditPlan {
  private readonly byObject = new Map<AnyNode, ObjectEdits>();

  constructor(private readonly ctx: CodemodContext) {}

  private of(object: AnyNode): ObjectEdits {
    let edits = this.byObject.get(object);
    if (!edits) this.byObject.set(object, (edits = { remove: new Set(), set: new Map(), add: [] }));
    return edits;
  }

  remove(object: AnyNode, name: string): void {
    this.of(object).remove.add(name);
  }

  set(object: AnyNode, name: string, valueText: string): void {
    this.of(object).set.set(name, valueText);
  }

  add(object: AnyNode, name: string, valueText: string): void {
    this.of(object).add.push([name, valueText]);
  }

  /** Applies every edit, innermost objects first (their new nodes are then spliced into the outer ones). */
  apply(): void {
    const { j, root } = this.ctx;
    const objects = [...this.byObject.keys()].sort((a, b) => (b.start ?? 0) - (a.start ?? 0));
    for (const object of objects) {
      const replacement = this.layout(object, this.byObject.get(object)!);
      root
        .find(j.ObjectExpression)
        .filter((p) => p.node === object)
        .forEach((p) => {
          p.replace(replacement);
        });
    }
  }

  private layout(object: AnyNode, edits: ObjectEdits): AnyNode {
    const { j, style } = this.ctx;
    // The object's text as it stands (parsed nodes keep their lines, whether from the file or a template).
    const loc = object.loc;
    const source: string | undefined = loc?.lines && loc.start && loc.end ? String(loc.lines.slice(loc.start, loc.end).toString()) : undefined;
    const kept = object.properties.filter((p: AnyNode) => !(isPlainProperty(p) && edits.remove.has(keyName(p) ?? '')));
    const commented = kept.some((p: AnyNode) => (p.comments?.length ?? 0) > 0);
    const simple = kept.every((p: AnyNode) => p.type === 'SpreadElement' || (isPlainProperty(p) && !p.computed));
    if (commented || !simple || source === undefined) return this.inPlace(object, edits);

    const pieces: Array<string | AnyNode> = [];
    const members: Array<Array<string | AnyNode>> = kept.map((p: AnyNode) => {
      if (p.type === 'SpreadElement') return ['...', p.argument];
      const name = keyName(p)!;
      const key = p.key.type === 'Identifier' ? p.key.name : JSON.stringify(name);
      if (edits.set.has(name)) return [`${key}: ${edits.set.get(name)}`];
      return p.shorthand ? [key] : [`${key}: `, p.value];
    });
    for (const [name, value] of edits.add) members.push([`${name}: ${value}`]);
    const oneLine = !source.includes('\n');
    const unit = style.useTabs ? '\t' : ' '.repeat(style.tabWidth || 2);
    if (oneLine) {
      const inner = source.startsWith('{ ') || kept.length === 0;
      pieces.push(inner ? '{ ' : '{');
      members.forEach((m, i) => pieces.push(...m, i < members.length - 1 ? ', ' : ''));
      pieces.push(inner ? ' }' : '}');
    } else {
      pieces.push('{\n');
      members.forEach((m, i) => pieces.push(unit, ...m, i < members.length - 1 || style.trailingComma ? ',\n' : '\n'));
      pieces.push('}');
    }
    const strings: string[] = ['['];
    const values: AnyNode[] = [];
    for (const piece of pieces) {
      if (typeof piece === 'string') strings[strings.length - 1] += piece;
      else {
        values.push(piece);
        strings.push('');
      }
    }
    strings[strings.length - 1] += ']';
    return (j.template.expression as (s: string[], ...v: AnyNode[]) => AnyNode)(strings, ...values).elements[0];
  }

  /** Fallback: edits the node itself and lets recast print it. */
  private inPlace(object: AnyNode, edits: ObjectEdits): AnyNode {
    const { j } = this.ctx;
    const parse = (text: string): AnyNode => (j.template.expression as (s: string[]) => AnyNode)([`[${text}]`]).elements[0];
    object.properties = object.properties.filter((p: AnyNode) => !(isPlainProperty(p) && edits.remove.has(keyName(p) ?? '')));
    for (const p of object.properties) {
      const name = isPlainProperty(p) ? keyName(p) : undefined;
      if (name && edits.set.has(name)) p.value = parse(edits.set.get(name)!);
    }
    for (const [name, value] of edits.add) object.properties.push(j.objectProperty(j.identifier(name), parse(value)));
    return object;
  }
}
