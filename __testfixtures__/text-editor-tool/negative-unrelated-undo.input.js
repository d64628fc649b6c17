// Undo/redo for the rich-text widget: nothing to do with Claude's text editor tool.
export function historyReducer(state, action) {
  switch (action.type) {
    case 'undo_edit':
      return { ...state, index: Math.max(0, state.index - 1) };
    case 'redo_edit':
      return { ...state, index: Math.min(state.entries.length - 1, state.index + 1) };
    case 'save':
      return { ...state, saved: state.index };
    default:
      return state;
  }
}

export const TOOLBAR = ['bold', 'italic', 'undo_edit', 'redo_edit'];
