import type { Codemod } from '../../engine/types';

// Not implemented yet: changes nothing.
const codemod: Codemod = {
  name: 'model-ids',
  run() {
    return false;
  },
};

export default codemod;
