/**
 * The model catalog as the CLI sees it. It comes from src/models (`MODEL_CATALOG`, `parseModelId`);
 * the fields read here are the ones every entry has. Loaded lazily so that `--help` stays fast.
 */
export interface CatalogModel {
  id: string;
  name?: string;
  family?: string;
  status?: string;
  [key: string]: unknown;
}

export interface ParsedModelId {
  /** The base model ID the text names, when it names a Claude model. */
  baseId?: string | null;
  kind?: string;
  /** The catalog entry, when the ID is one the catalog knows. */
  model?: CatalogModel | null;
  [key: string]: unknown;
}

/** Parses a model ID in any form (base, profile, ARN, first-party name); null when it is not one. */
export function parseId(text: string): ParsedModelId | null {
  try {
    return models()?.parseModelId?.(text) ?? null;
  } catch {
    return null;
  }
}

interface ModelsModule {
  MODEL_CATALOG?: readonly CatalogModel[];
  CATALOG?: readonly CatalogModel[];
  parseModelId?: (text: string) => ParsedModelId | null | undefined;
}

let cached: ModelsModule | null | undefined;

function tryRequire(id: string): ModelsModule | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(id) as ModelsModule;
  } catch {
    return null;
  }
}

/** src/models: its index, or the catalog and ID parser modules directly. */
function models(): ModelsModule | null {
  if (cached === undefined) {
    const index = tryRequire('../models');
    const catalog = index?.MODEL_CATALOG || index?.CATALOG ? index : tryRequire('../models/catalog');
    const ids = index?.parseModelId ? index : tryRequire('../models/ids');
    cached =
      catalog || ids
        ? { MODEL_CATALOG: catalog?.MODEL_CATALOG ?? catalog?.CATALOG, parseModelId: ids?.parseModelId ?? index?.parseModelId }
        : null;
  }
  return cached;
}

export function modelCatalog(): readonly CatalogModel[] {
  return models()?.MODEL_CATALOG ?? [];
}

/** The catalog entry a model ID (base, profile, ARN, first-party name) refers to, or null. */
export function catalogEntryFor(text: string): CatalogModel | null {
  const m = models();
  const catalog = m?.MODEL_CATALOG ?? [];
  let parsed: ParsedModelId | null | undefined;
  try {
    parsed = m?.parseModelId?.(text);
  } catch {
    parsed = null;
  }
  if (parsed?.model && typeof parsed.model === 'object') return parsed.model;
  const base = parsed?.baseId ?? '';
  if (base) {
    const hit = catalog.find((c) => c.id === base);
    if (hit) return hit;
  }
  return catalog.find((c) => c.id === text || text.endsWith(`.${c.id}`) || text.endsWith(`/${c.id}`)) ?? null;
}
