/**
 * Layout of the nodes the rewrite creates. recast prints every new object literal over several lines;
 * the Converse shapes are small nested objects (`[{ text: prompt }]`), so new nodes are laid out here as
 * source text — short objects and arrays on one line, longer ones one member per line, in the file's
 * quotes, indentation and trailing-comma style — and parsed back with `j.template`, with the original
 * sub-expressions spliced in unchanged (recast reprints those from their own source text).
 */
import type { CodemodContext } from '../engine/types';
import type { AnyNode } from '../ast/bedrock';

const MAX_WIDTH = 80;

interface Piece {
  text?: string;
  node?: AnyNode;
}

export class Layout {
  private readonly unit: string;
  private readonly sizeCache = new Map<AnyNode, string>();

  /** Column where the laid-out text starts (estimated from the line it goes into). */
  private readonly base: number;

  constructor(
    private readonly ctx: CodemodContext,
    host?: AnyNode,
  ) {
    const { useTabs, tabWidth } = ctx.style;
    this.unit = useTabs ? '\t' : ' '.repeat(tabWidth || 2);
    const line = host?.loc ? ctx.file.source.split('\n')[host.loc.start.line - 1] ?? '' : '';
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, ' '.repeat(tabWidth || 2)).length;
    this.base = indent + this.unit.length;
  }

  /** An expression laid out, or the node itself when it is an original node. */
  expression(node: AnyNode): AnyNode {
    if (isOriginal(node)) return node;
    // Parsed inside an array: a top-level object parsed on its own is parenthesized, and recast would
    // print it afresh instead of reusing the laid-out text.
    return this.build([{ text: '[' }, ...this.render(node, 0, this.base + 16), { text: ']' }]).elements[0];
  }

  /** Properties laid out as if they were members of an object at the given nesting. */
  properties(props: AnyNode[]): AnyNode[] {
    if (props.every(isOriginal)) return props;
    const pieces: Piece[] = [{ text: '{\n' }];
    for (const p of props) {
      pieces.push({ text: this.unit });
      if (isOriginal(p)) pieces.push(...this.propertyPieces(p, 1, this.base));
      else pieces.push(...this.render(p, 1, this.base));
      pieces.push({ text: ',\n' });
    }
    pieces.push({ text: '}' });
    const obj = this.build(pieces);
    return obj.properties;
  }

  /**
   * The whole object laid out as text, one property per line in the file's trailing-comma style. recast
   * prints an object whose property list changed with blank lines around every multi-line property; an
   * object parsed from this text is printed as the text says.
   */
  object(props: AnyNode[]): AnyNode {
    const pieces: Piece[] = [{ text: '{\n' }];
    props.forEach((p, i) => {
      pieces.push({ text: this.unit });
      if (isOriginal(p)) pieces.push(...this.propertyPieces(p, 1, this.base));
      else pieces.push(...this.render(p, 1, this.base));
      pieces.push({ text: i < props.length - 1 || this.ctx.style.trailingComma ? ',\n' : '\n' });
    });
    pieces.push({ text: '}' });
    // Parsed inside an array: a bare object would be parenthesized, and recast would print it afresh.
    return this.build([{ text: '[' }, ...pieces, { text: ']' }]).elements[0];
  }

  private propertyPieces(p: AnyNode, level: number, column: number): Piece[] {
    // An original property inside a new object: its key as text, its value spliced in.
    if ((p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed && (p.key.type === 'Identifier' || p.key.type === 'StringLiteral')) {
      const key = p.key.type === 'Identifier' ? p.key.name : this.quote(p.key.value);
      if (p.shorthand) return [{ text: key }];
      return [{ text: `${key}: ` }, ...this.render(p.value, level, column + key.length + 2)];
    }
    throw new LayoutFallback();
  }

  private build(pieces: Piece[]): AnyNode {
    const strings: string[] = [''];
    const values: AnyNode[] = [];
    for (const piece of pieces) {
      // recast re-indents the lines of a laid-out node where it lands; inside a template literal that
      // would change the string itself, so such nodes keep recast's own printing.
      if (piece.node && hasMultilineTemplate(piece.node)) throw new LayoutFallback();
      if (piece.node) {
        values.push(piece.node);
        strings.push('');
      } else strings[strings.length - 1] += piece.text;
    }
    return this.ctx.j.template.expression(strings, ...values);
  }

  private printed(node: AnyNode): string {
    let s = this.sizeCache.get(node);
    if (s === undefined) {
      // Parsed nodes: their own source text (recast keeps the lines on each location).
      const loc = node.loc;
      s = loc?.lines && loc.start && loc.end ? String(loc.lines.slice(loc.start, loc.end).toString()) : this.ctx.j(node).toSource({ quote: this.ctx.style.quote });
      this.sizeCache.set(node, s);
    }
    return s;
  }

  private quote(value: string): string {
    if (this.ctx.style.quote === 'double') return JSON.stringify(value);
    return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
  }

  private width(pieces: Piece[]): { length: number; multiline: boolean } {
    let length = 0;
    let multiline = false;
    for (const p of pieces) {
      const t = p.node ? this.printed(p.node) : p.text!;
      if (t.includes('\n')) multiline = true;
      length += t.length;
    }
    return { length, multiline };
  }

  /** Pieces of source text for `node` at nesting `level`, starting at `column`. */
  private render(node: AnyNode, level: number, column: number): Piece[] {
    if (isOriginal(node)) return [{ node }];
    switch (node.type) {
      case 'Identifier':
        return [{ text: node.name }];
      case 'StringLiteral':
        return [{ text: this.quote(node.value) }];
      case 'Literal':
        return typeof node.value === 'string' ? [{ text: this.quote(node.value) }] : [{ text: String(node.value) }];
      case 'NumericLiteral':
        return [{ text: String(node.value) }];
      case 'BooleanLiteral':
        return [{ text: String(node.value) }];
      case 'MemberExpression':
        if (node.computed) return [{ node }];
        return [...this.render(node.object, level, column), { text: `.${node.property.name}` }];
      case 'CallExpression': {
        const out: Piece[] = [...this.render(node.callee, level, column), { text: '(' }];
        node.arguments.forEach((a: AnyNode, i: number) => {
          if (i > 0) out.push({ text: ', ' });
          out.push(...this.render(a, level, column));
        });
        out.push({ text: ')' });
        return out;
      }
      case 'ConditionalExpression':
        return [
          ...this.render(node.test, level, column),
          { text: ' ? ' },
          ...this.render(node.consequent, level, column),
          { text: ' : ' },
          ...this.render(node.alternate, level, column),
        ];
      case 'SpreadElement':
        return [{ text: '...' }, ...this.render(node.argument, level, column)];
      case 'ArrowFunctionExpression': {
        if (node.body.type === 'BlockStatement' || !node.params.every((x: AnyNode) => x.type === 'Identifier' && !x.typeAnnotation)) return [{ node }];
        const params = `(${node.params.map((x: AnyNode) => x.name).join(', ')}) => `;
        const body = this.render(node.body, level, column + params.length);
        return node.body.type === 'ObjectExpression' ? [{ text: `${params}(` }, ...body, { text: ')' }] : [{ text: params }, ...body];
      }
      case 'TSNonNullExpression':
        return [...this.render(node.expression, level, column), { text: '!' }];
      case 'ObjectProperty':
      case 'Property': {
        if (node.computed) return [{ node }];
        const key = node.key.type === 'Identifier' ? node.key.name : this.quote(node.key.value);
        if (node.shorthand && node.value.type === 'Identifier' && node.value.name === key) return [{ text: key }];
        return [{ text: `${key}: ` }, ...this.render(node.value, level, column + key.length + 2)];
      }
      case 'ObjectExpression':
        return this.list(node.properties, '{', '}', level, column, true);
      case 'ArrayExpression':
        return this.list(node.elements, '[', ']', level, column, false);
      default:
        return [{ node }];
    }
  }

  private list(items: AnyNode[], open: string, close: string, level: number, column: number, spaced: boolean): Piece[] {
    if (items.length === 0) return [{ text: open + close }];
    const rendered = items.map((item) =>
      isOriginal(item) && (item.type === 'ObjectProperty' || item.type === 'Property') ? this.propertyPieces(item, level + 1, column) : this.render(item, level + 1, column),
    );
    const inline: Piece[] = [{ text: spaced ? `${open} ` : open }];
    rendered.forEach((r, i) => {
      if (i > 0) inline.push({ text: ', ' });
      inline.push(...r);
    });
    inline.push({ text: spaced ? ` ${close}` : close });
    const w = this.width(inline);
    if (!w.multiline && column + w.length <= MAX_WIDTH) return inline;
    // One member per line (an array holding one object too: `[` and `{` on lines of their own, as most
    // formatters write it and as the body being replaced usually was).
    const indent = this.unit.repeat(level + 1);
    const out: Piece[] = [{ text: `${open}\n` }];
    const trailing = this.ctx.style.trailingComma;
    rendered.forEach((r, i) => {
      const again = this.render(items[i], level + 1, this.base + indent.length);
      const pieces = isOriginal(items[i]) && (items[i].type === 'ObjectProperty' || items[i].type === 'Property') ? r : again;
      out.push({ text: indent }, ...pieces, { text: i < rendered.length - 1 || trailing ? ',\n' : '\n' });
    });
    out.push({ text: this.unit.repeat(level) + close });
    return out;
  }
}

/** Whether the subtree holds a template literal whose text spans lines. */
function hasMultilineTemplate(node: AnyNode): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'TemplateLiteral') return node.quasis.some((q: AnyNode) => /[\r\n]/.test(q.value.raw));
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'tokens' || key === 'comments' || key === 'original' || key === 'extra') continue;
    const child = node[key];
    if (Array.isArray(child)) {
      if (child.some((c) => c && typeof c === 'object' && hasMultilineTemplate(c))) return true;
    } else if (child && typeof child === 'object' && typeof child.type === 'string' && hasMultilineTemplate(child)) return true;
  }
  return false;
}

/** Thrown when a node cannot be laid out as text; the caller keeps the recast-printed node. */
export class LayoutFallback extends Error {}

/** Lays out `node` when possible; otherwise returns it as it is. */
export function layoutExpression(ctx: CodemodContext, node: AnyNode, host?: AnyNode): AnyNode {
  try {
    return new Layout(ctx, host).expression(node);
  } catch (e) {
    if (e instanceof LayoutFallback) return node;
    throw e;
  }
}

/** Lays out each new property on its own (original ones are kept as they are, with their comments). */
export function layoutProperties(ctx: CodemodContext, props: AnyNode[], host?: AnyNode): AnyNode[] {
  const layout = new Layout(ctx, host);
  return props.map((p) => {
    if (isOriginal(p)) return p;
    try {
      return layout.properties([p])[0];
    } catch (e) {
      if (e instanceof LayoutFallback) return p;
      throw e;
    }
  });
}

/**
 * A new object literal holding `props`, laid out as text; undefined when it cannot be (an original property
 * carries comments, which only its own node keeps, or a part cannot be written as text).
 */
export function layoutObject(ctx: CodemodContext, props: AnyNode[], host?: AnyNode): AnyNode | undefined {
  if (props.length === 0 || props.some((p) => isOriginal(p) && (p.comments?.length ?? 0) > 0)) return undefined;
  try {
    return new Layout(ctx, host).object(props);
  } catch (e) {
    if (e instanceof LayoutFallback) return undefined;
    throw e;
  }
}

/** A node that came from the parsed file (or from a template): printed from its own source. */
export function isOriginal(node: AnyNode): boolean {
  return !!node && (node.loc != null || node.start != null || node.original != null);
}
