// jscodeshift entry point: npx jscodeshift -t transforms/refusal-stop-reason.ts <paths>
import { jscodeshiftTransform } from '../src/engine/jscodeshift-door';

export default jscodeshiftTransform(['refusal-stop-reason']);
