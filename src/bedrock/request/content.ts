/**
 * One Anthropic content block → its Converse block (reference §3a): text, image, document, tool_use,
 * tool_result, thinking; `cache_control` → a cachePoint after it.
 */
import { getProperty, isPlainProperty, keyName, makeProperty, staticString, type AnyNode, unwrapExpression } from '../../ast/bedrock';
import { type CodemodContext } from '../../engine/types';
import { type RequestBuilder } from './state';
import { cachePoint } from './system';
import { isStringish } from './values';
import { block } from '../result';

/** One Anthropic content block → one Converse block, plus a cachePoint when it had cache_control. */
export function mapContentBlock(b: RequestBuilder, el: AnyNode, inToolResult = false): AnyNode[] {
  const j = b.j;
  const o = unwrapExpression(el);
  if (o?.type !== 'ObjectExpression') block('a content block is not an object literal');
  const type = staticString(getProperty(o, 'type')?.value);
  if (!type) block('a content block has no literal type');
  const fields = new Map<string, AnyNode>();
  for (const p of o.properties) {
    if (!isPlainProperty(p)) block(`a ${type} block has a spread or method`);
    const k = keyName(p);
    if (k === undefined) block(`a ${type} block has a computed key`);
    fields.set(k, p.value);
  }
  const allow = (...names: string[]) => {
    for (const k of fields.keys()) if (k !== 'type' && k !== 'cache_control' && !names.includes(k)) block(`${type} block field "${k}"`);
  };
  let out: AnyNode;
  switch (type) {
    case 'text':
      allow('text');
      if (!fields.has('text')) block('text block without text');
      out = j.objectExpression([makeProperty(j, 'text', fields.get('text'))]);
      break;
    case 'image': {
      allow('source');
      out = j.objectExpression([makeProperty(j, 'image', mapImageSource(b, fields.get('source')))]);
      break;
    }
    case 'document': {
      if (inToolResult) block('document inside tool_result');
      allow('source', 'title', 'context', 'citations');
      out = j.objectExpression([makeProperty(j, 'document', mapDocument(b, fields))]);
      break;
    }
    case 'tool_use': {
      if (inToolResult) block('tool_use inside tool_result');
      allow('id', 'name', 'input');
      b.toolBlocks = true;
      out = j.objectExpression([
        makeProperty(
          j,
          'toolUse',
          j.objectExpression([
            makeProperty(j, 'toolUseId', required(fields, 'id', 'tool_use')),
            makeProperty(j, 'name', required(fields, 'name', 'tool_use')),
            makeProperty(j, 'input', required(fields, 'input', 'tool_use')),
          ]),
        ),
      ]);
      break;
    }
    case 'tool_result': {
      if (inToolResult) block('tool_result inside tool_result');
      allow('tool_use_id', 'content', 'is_error');
      b.toolBlocks = true;
      const props = [makeProperty(j, 'toolUseId', required(fields, 'tool_use_id', 'tool_result'))];
      const c = fields.get('content');
      // [uncertain] whether Converse accepts a toolResult without content (reference §3a): not guessed.
      if (!c) block('tool_result without content');
      const cv = unwrapExpression(c);
      if (cv.type === 'ArrayExpression') {
        const blocks: AnyNode[] = [];
        for (const el2 of cv.elements) blocks.push(...mapContentBlock(b, el2, true));
        props.push(makeProperty(j, 'content', j.arrayExpression(blocks)));
      } else if (isStringish(b, cv, 'tool_result content')) {
        props.push(makeProperty(j, 'content', j.arrayExpression([textBlock(j, c)])));
      } else block('tool_result content is neither a string nor a block array literal');
      const isError = fields.get('is_error');
      if (isError) {
        const ie = unwrapExpression(isError);
        if (ie.type === 'BooleanLiteral' || (ie.type === 'Literal' && typeof ie.value === 'boolean')) {
          props.push(makeProperty(j, 'status', j.stringLiteral(ie.value ? 'error' : 'success')));
        } else {
          props.push(makeProperty(j, 'status', j.conditionalExpression(isError, j.stringLiteral('error'), j.stringLiteral('success'))));
        }
      }
      out = j.objectExpression([makeProperty(j, 'toolResult', j.objectExpression(props))]);
      break;
    }
    case 'thinking': {
      if (inToolResult) block('thinking inside tool_result');
      allow('thinking', 'signature');
      const r = [makeProperty(j, 'text', required(fields, 'thinking', 'thinking'))];
      if (fields.has('signature')) r.push(makeProperty(j, 'signature', fields.get('signature')));
      out = j.objectExpression([
        makeProperty(j, 'reasoningContent', j.objectExpression([makeProperty(j, 'reasoningText', j.objectExpression(r))])),
      ]);
      break;
    }
    case 'redacted_thinking':
      // [uncertain] the byte encoding of `data` ↔ redactedContent (reference §3a): not guessed.
      block('redacted_thinking block (its byte encoding in Converse is not documented)');
    default:
      block(`content block type "${type}" has no mapped Converse equivalent`);
  }
  const result = [out];
  if (fields.has('cache_control')) result.push(cachePoint(b, fields.get('cache_control')));
  return result;
}

/** An image `source` (base64 with a literal image media type) → `{ format, source: { bytes } }`. */
export function mapImageSource(b: RequestBuilder, source: AnyNode | undefined): AnyNode {
  const j = b.j;
  const s = unwrapExpression(source);
  if (s?.type !== 'ObjectExpression') block('image source is not an object literal');
  const type = staticString(getProperty(s, 'type')?.value);
  if (type !== 'base64') block(`image source type "${type ?? '?'}" (only base64 maps to bytes)`);
  const media = staticString(getProperty(s, 'media_type')?.value);
  const format = media && /^image\/(jpeg|png|gif|webp)$/.exec(media)?.[1];
  if (!format) block('image media_type is not a literal image/jpeg|png|gif|webp');
  const data = getProperty(s, 'data')?.value;
  if (!data) block('image source without data');
  for (const p of s.properties) if (!['type', 'media_type', 'data'].includes(keyName(p) ?? '')) block(`image source field "${keyName(p)}"`);
  return j.objectExpression([
    makeProperty(j, 'format', j.stringLiteral(format)),
    makeProperty(j, 'source', j.objectExpression([makeProperty(j, 'bytes', base64Bytes(j, data))])),
  ]);
}

/** A document block (base64 PDF or plain text) → a Converse document with the name Converse requires. */
export function mapDocument(b: RequestBuilder, fields: Map<string, AnyNode>): AnyNode {
  const j = b.j;
  const s = unwrapExpression(fields.get('source'));
  if (s?.type !== 'ObjectExpression') block('document source is not an object literal');
  const type = staticString(getProperty(s, 'type')?.value);
  const media = staticString(getProperty(s, 'media_type')?.value);
  const data = getProperty(s, 'data')?.value;
  let format: string;
  let source: AnyNode;
  if (type === 'base64' && media === 'application/pdf' && data) {
    format = 'pdf';
    source = j.objectExpression([makeProperty(j, 'bytes', base64Bytes(j, data))]);
  } else if (type === 'text' && (media === undefined || media === 'text/plain') && data) {
    format = 'txt';
    source = j.objectExpression([makeProperty(j, 'text', data)]);
  } else block('document source is not base64 PDF or plain text');
  for (const p of s.properties) if (!['type', 'media_type', 'data'].includes(keyName(p) ?? '')) block(`document source field "${keyName(p)}"`);
  // Converse requires a name: the title when it is a literal (sanitised to the allowed characters), else a generated one.
  b.documentCount++;
  const title = fields.has('title') ? staticString(fields.get('title')) : undefined;
  if (fields.has('title') && title === undefined) block('document title is not a literal (Converse needs a name)');
  let name = (title ?? '').replace(/[^A-Za-z0-9\s\-()[\]]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!name) name = `document-${b.documentCount}`;
  if (name !== title) {
    const note = `Converse needs a document name: "${name}"${title ? ` (from the title "${title}")` : ''}`;
    b.effects.push(() => b.ctx.note(note, undefined, 'parameters'));
  }
  const props = [makeProperty(j, 'format', j.stringLiteral(format)), makeProperty(j, 'name', j.stringLiteral(name)), makeProperty(j, 'source', source)];
  if (fields.has('context')) props.push(makeProperty(j, 'context', fields.get('context')));
  // Cited answers come back as `citationsContent` blocks in Converse, not as text blocks: the response
  // handling would differ, so a request that enables citations is not migrated.
  if (fields.has('citations')) block('document citations (Converse returns cited text as citationsContent blocks)');
  return j.objectExpression(props);
}


/** The value of a block field the Converse block needs; its absence blocks the mapping. */
export function required(fields: Map<string, AnyNode>, name: string, type: string): AnyNode {
  const v = fields.get(name);
  if (!v) block(`${type} block without ${name}`);
  return v;
}

/** `{ text: value }`. */
export function textBlock(j: CodemodContext['j'], value: AnyNode): AnyNode {
  return j.objectExpression([makeProperty(j, 'text', value)]);
}

/** `Buffer.from(data, "base64")`: Converse takes raw bytes and does the base64 encoding itself. */
export function base64Bytes(j: CodemodContext['j'], data: AnyNode): AnyNode {
  return j.callExpression(j.memberExpression(j.identifier('Buffer'), j.identifier('from')), [data, j.stringLiteral('base64')]);
}

