import type { Codemod } from '../../engine/types';

// Not implemented yet: changes nothing.
const codemod: Codemod = {
  name: 'invoke-to-converse',
  run() {
    return false;
  },
};

export default codemod;
