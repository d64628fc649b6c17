// jscodeshift entry point: npx jscodeshift -t transforms/invoke-to-messages.ts <paths>
// (or every codemod with transforms/all.ts --api=messages)
import { jscodeshiftTransform } from '../src/engine/jscodeshift-door';

export default jscodeshiftTransform(['invoke-to-messages']);
