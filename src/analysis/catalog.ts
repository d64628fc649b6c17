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
  baseId?: string;
  id?: string;
  [key: string]: unknown;
}

interface ModelsModule {
  MODEL_CATALOG?: readonly CatalogModel[];
  parseModelId?: (text: string) => ParsedModelId | null | undefined;
}

let cached: ModelsModule | null | undefined;

function models(): ModelsModule | null {
  if (cached === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      cached = require('../models') as ModelsModule;
    } catch {
      cached = null;
    }
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
  const base = parsed ? String(parsed.baseId ?? parsed.id ?? '') : '';
  if (base) {
    const hit = catalog.find((c) => c.id === base);
    if (hit) return hit;
    const model = (parsed as { model?: CatalogModel }).model;
    if (model && typeof model === 'object' && 'id' in model) return model;
  }
  return catalog.find((c) => c.id === text || text.endsWith(`.${c.id}`) || text.endsWith(`/${c.id}`)) ?? null;
}
