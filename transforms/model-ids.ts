// jscodeshift entry point: npx jscodeshift -t transforms/model-ids.ts <paths>
import { jscodeshiftTransform } from '../src/engine/jscodeshift-door';

export default jscodeshiftTransform(['model-ids']);
