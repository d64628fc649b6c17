// jscodeshift entry point: npx jscodeshift -t transforms/text-editor-tool.ts <paths>
import { jscodeshiftTransform } from '../src/engine/jscodeshift-door';

export default jscodeshiftTransform(['text-editor-tool']);
