import type { FileInfo, API, Options } from 'jscodeshift';
import { selectCodemods } from '../codemods/registry';
import { transformSource } from './engine';
import { MARKER_PREFIX } from '../ast/markers';

/**
 * A stock jscodeshift transform that runs the given codemods through the same engine as the runner.
 * It parses the file itself with the parser its extension needs (jscodeshift's --parser is not used),
 * so both doors give byte-identical results. Returning undefined tells jscodeshift "unmodified".
 */
export function jscodeshiftTransform(names?: readonly string[]) {
  const codemods = selectCodemods(names);
  return function transform(file: FileInfo, api: API, options: Options): string | undefined {
    const result = transformSource({ path: file.path, source: file.source, codemods, options });
    for (const marker of result.markers) {
      api.report(`line ${marker.line}: ${MARKER_PREFIX} ${marker.message}`);
    }
    return result.output ?? undefined;
  };
}
