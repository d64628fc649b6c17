// jscodeshift entry point: npx jscodeshift -t transforms/invoke-to-converse.ts <paths>
import { jscodeshiftTransform } from '../src/engine/jscodeshift-door';

export default jscodeshiftTransform(['invoke-to-converse']);
