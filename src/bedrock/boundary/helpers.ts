/**
 * Boundary helpers written once into a migrated file: request side `toConverseMessages` / `toConverseSystem`
 * (and `toConverseContent`, which both call); response side `toAnthropicMessage` (and `toAnthropicBlock`).
 *
 * API (stable): `ensureConverseHelper(ctx, name, typeRef?)`, `ensureAnthropicHelper(ctx, typeRef?)`. `typeRef(exportName)` (TS files) makes a
 * runtime-module type reachable and returns its node; JS files pass undefined and get untyped helpers.
 */
import type { CodemodContext } from '../../engine/types';
import type { AnyNode } from '../../ast/bedrock';
import { ensureBoundaryHelper } from './insert';
import { type HelperTypes, helperDependencies, helperSource } from './to-converse';
import { type AnthropicHelperTypes, anthropicHelperDependencies, anthropicHelperSource } from './to-anthropic';

export function ensureConverseHelper(ctx: CodemodContext, name: string, typeRef?: (exportName: string) => AnyNode | undefined): string {
  let types: HelperTypes | undefined;
  if (typeRef) {
    const ref = (t: string) => {
      const node = typeRef(t);
      return node ? ctx.j(node).toSource() : t;
    };
    // Getters: only the types a helper's text names are imported.
    types = {
      get ConverseCommandInput() {
        return ref('ConverseCommandInput');
      },
      get Message() {
        return ref('Message');
      },
      get ContentBlock() {
        return ref('ContentBlock');
      },
      get SystemContentBlock() {
        return ref('SystemContentBlock');
      },
    };
  }
  return ensureBoundaryHelper(ctx, name, (n) => helperSource(n, types), helperDependencies);
}

/** Response side: writes `toAnthropicMessage` (and `toAnthropicBlock`) into the file once. */
export function ensureAnthropicHelper(ctx: CodemodContext, typeRef?: (exportName: string) => AnyNode | undefined): string {
  let types: AnthropicHelperTypes | undefined;
  if (typeRef) {
    const ref = (t: string) => {
      const node = typeRef(t);
      return node ? ctx.j(node).toSource() : t;
    };
    types = {
      get ConverseCommandOutput() {
        return ref('ConverseCommandOutput');
      },
      get ContentBlock() {
        return ref('ContentBlock');
      },
    };
  }
  return ensureBoundaryHelper(ctx, 'toAnthropicMessage', (n) => anthropicHelperSource(n, types), anthropicHelperDependencies);
}
