import type { Codemod } from '../../engine/types';

// Not implemented yet: changes nothing.
const codemod: Codemod = {
  name: 'converse-stream',
  run() {
    return false;
  },
};

export default codemod;
