// jscodeshift entry point: npx jscodeshift -t transforms/converse-stream.ts <paths>
import { jscodeshiftTransform } from '../src/engine/jscodeshift-door';

export default jscodeshiftTransform(['converse-stream']);
