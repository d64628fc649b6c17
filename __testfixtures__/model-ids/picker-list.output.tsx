declare global {
  namespace JSX {
    interface IntrinsicElements {
      [element: string]: Record<string, unknown>;
    }
  }
}

interface ModelOption {
  id: string;
  label: string;
  contextWindow: number;
  maxOutputTokens: number;
}

export const MODEL_OPTIONS: ModelOption[] = [
  { id: "anthropic.claude-3-haiku-20240307-v1:0", label: "Claude 3 Haiku", contextWindow: 200000, maxOutputTokens: 4096 },
  { id: "global.anthropic.claude-sonnet-4-6", label: "Claude Sonnet 4.6", contextWindow: 1000000, maxOutputTokens: 64000 },
];

export function ModelPicker(props: { value?: string; onChange: (id: string) => void }) {
  return (
    <select
      defaultValue="global.anthropic.claude-sonnet-4-6"
      value={props.value}
      onChange={(e: { target: { value: string } }) => props.onChange(e.target.value)}
    >
      {MODEL_OPTIONS.map((m) => (
        <option key={m.id} value={m.id}>
          {m.label}
        </option>
      ))}
    </select>
  );
}
