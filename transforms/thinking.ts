// jscodeshift entry point: npx jscodeshift -t transforms/thinking.ts --thinking=2048 <paths>
import { jscodeshiftTransform } from '../src/engine/jscodeshift-door';

export default jscodeshiftTransform(['thinking']);
