/**
 * A body object built in a function another module calls (runner, across modules; see ../flow/modules/):
 * `apply()` turns it into the Converse input fields, mapped as a body written at the call would be.
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import type { AnyNode } from '../../ast/bedrock';
import { layoutProperties } from '../layout';
import { Unmappable } from '../result';
import { payloadEntries } from './body';
import { converseProperties } from './fields';
import { type MapRequestOptions, RequestBuilder } from './state';

export function mapBodyObject(
  ctx: CodemodContext,
  obj: AnyNode,
  at: ASTPath,
  options: MapRequestOptions = {},
): { ok: true; apply(): void } | { ok: false; reason: string } {
  const b = new RequestBuilder(ctx, options);
  try {
    const properties = converseProperties(b, payloadEntries(b, obj, at, 1));
    return {
      ok: true,
      apply() {
        for (const effect of b.effects) effect();
        obj.properties = layoutProperties(ctx, properties, obj);
      },
    };
  } catch (e) {
    if (e instanceof Unmappable) return { ok: false, reason: e.message };
    throw e;
  }
}
