import { z } from 'zod';

export const EditorCommandSchema = z.enum(['view', 'create', 'str_replace', 'insert']);

export const EditorInputSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('view'), path: z.string(), view_range: z.tuple([z.number(), z.number()]).optional() }),
  z.object({ command: z.literal('create'), path: z.string(), file_text: z.string() }),
  z.object({ command: z.literal('str_replace'), path: z.string(), old_str: z.string(), new_str: z.string() }),
  z.object({ command: z.literal('insert'), path: z.string(), insert_line: z.number().int(), new_str: z.string() }),
]);

export const WriteCommandSchema = z.union([
  z.literal('create'),
  z.literal('str_replace'),
  z.literal('insert'),
]);

export type EditorInput = z.infer<typeof EditorInputSchema>;

export function summarize(input: EditorInput): string {
  switch (input.command) {
    case 'view':
      return `view ${input.path}`;
    case 'create':
      return `create ${input.path} (${input.file_text.length} chars)`;
    case 'str_replace':
      return `replace in ${input.path}`;
    case 'insert':
      return `insert at ${input.insert_line} in ${input.path}`;
  }
}

export function isWrite(command: string): boolean {
  return WriteCommandSchema.safeParse(command).success;
}
