import { CATALOG, type ModelInfo } from '../models/catalog';
import { parseModelId, type ParsedModelId } from '../models/ids';

/** The model catalog as the CLI sees it (src/models): `list` shows it, `detect` reads statuses from it. */
export type CatalogModel = ModelInfo;

export function modelCatalog(): readonly CatalogModel[] {
  return CATALOG;
}

/** Parses a model ID in any form (base, profile, ARN, first-party name); null when it is not one. */
export function parseId(text: string): ParsedModelId | null {
  try {
    return parseModelId(text);
  } catch {
    return null;
  }
}

/** The catalog entry a model ID (base, profile, ARN, first-party name) refers to, or null. */
export function catalogEntryFor(text: string): CatalogModel | null {
  const parsed = parseId(text);
  if (parsed?.model) return parsed.model;
  const base = parsed?.baseId;
  return base ? (CATALOG.find((c) => c.id === base) ?? null) : null;
}
