import type { Codemod } from '../../engine/types';

// Not implemented yet: changes nothing.
const codemod: Codemod = {
  name: 'text-editor-tool',
  run() {
    return false;
  },
};

export default codemod;
