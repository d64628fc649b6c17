// jscodeshift entry point: npx jscodeshift -t transforms/all.ts <paths>
// Every codemod, in manifest order, on one parse of each file.
import { jscodeshiftTransform } from '../src/engine/jscodeshift-door';

export default jscodeshiftTransform();
