import type { Codemod } from '../../engine/types';

// Not implemented yet: changes nothing.
const codemod: Codemod = {
  name: 'refusal-stop-reason',
  run() {
    return false;
  },
};

export default codemod;
