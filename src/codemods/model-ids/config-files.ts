import type { TextCodemod } from '../../engine/types';

// Not implemented yet: changes nothing.
const codemod: TextCodemod = {
  name: 'model-ids',
  rewriteText() {
    return null;
  },
};

export default codemod;
