import Ajv from 'ajv';

// Validates the input of Claude's str_replace_editor tool before running it.
export const editorInputSchema = {
  type: 'object',
  required: ['command', 'path'],
  properties: {
    command: {
      type: 'string',
      enum: ['view', 'create', 'str_replace', 'insert'],
      description: 'The editor command to run',
    },
    path: { type: 'string' },
    file_text: { type: 'string' },
    old_str: { type: 'string' },
    new_str: { type: 'string' },
    insert_line: { type: 'integer', minimum: 0 },
  },
  oneOf: [
    { properties: { command: { const: 'view' } } },
    { properties: { command: { const: 'create' } }, required: ['file_text'] },
    { properties: { command: { const: 'str_replace' } }, required: ['old_str'] },
    { properties: { command: { const: 'insert' } }, required: ['insert_line', 'new_str'] },
  ],
};

const ajv = new Ajv();
export const validateEditorInput = ajv.compile(editorInputSchema);
