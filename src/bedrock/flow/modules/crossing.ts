/**
 * What invoke-to-converse says of a call whose body, command input or parsed response may come from or go
 * to another module: the reasons it keeps such a call with, and the helpers it converts such data with.
 * The runner builds its project index (src/runner/project.ts) only for a file with one of them; a call
 * kept for anything else (what its body holds, say) stays kept whatever the other modules say.
 */

/** `body: f(…)` / `body: x` that is no `JSON.stringify(<object>)` here. */
export const BODY_UNRESOLVED = 'body cannot be resolved';
/** `body: JSON.stringify(f(…))` with `f` not a function of this file. */
export const BODY_FROM_CALL = 'body comes from';
/** `new InvokeModelCommand(f(…))` / `new InvokeModelCommand(input)` that is no object literal here. */
export const INPUT_UNRESOLVED = 'the command input cannot be resolved';
/** `return JSON.parse(…)` from an exported function. */
export const RESPONSE_RETURNED = 'the parsed response is returned from';
/** A function returning the parsed response that is passed on or never called in this file. */
export const RETURNS_RESPONSE = 'returns the parsed response';

const REASONS = [BODY_UNRESOLVED, BODY_FROM_CALL, INPUT_UNRESOLVED, RESPONSE_RETURNED, RETURNS_RESPONSE];
/** The boundary helpers that convert a body, messages or a response where they cross (src/bedrock/request, response). */
const BOUNDARY_HELPERS = /\btoAnthropicMessage\b|\btoConverse[A-Z]/;

/** Whether a marker or note of invoke-to-converse is about data that may cross a module boundary. */
export function mayCrossModules(message: string): boolean {
  return REASONS.some((r) => message.includes(r)) || BOUNDARY_HELPERS.test(message);
}
