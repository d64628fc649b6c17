/**
 * "Cannot map, because …": the one way the domain layer says a call site cannot be migrated as it is.
 *
 * A mapping that meets something it cannot prove equivalent calls `block(reason)`; the code that plans the
 * call site catches `Unmappable` (with `attempt`) and turns the reason into the marker text. Nothing is
 * changed before the whole plan is known, so a blocked call site is left exactly as it was.
 */

/** A call site (or a part of it) that cannot be mapped; `message` is the reason, written for the marker. */
export class Unmappable extends Error {}

/** Stops the mapping: the call cannot be migrated, because `reason`. */
export function block(reason: string): never {
  throw new Unmappable(reason);
}

/** What a planning step gives: its result, or the reason it cannot map. */
export type Mapped<T> = T | { reason: string };

/** Runs `plan`; an `Unmappable` becomes `{ reason }`, any other error goes on. */
export function attempt<T>(plan: () => T): Mapped<T> {
  try {
    return plan();
  } catch (e) {
    if (e instanceof Unmappable) return { reason: e.message };
    throw e;
  }
}
