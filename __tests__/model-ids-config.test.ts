import { describe, expect, it } from 'vitest';
import configCodemod, { configFormat, rewriteConfigText } from '../src/codemods/model-ids/config-files';
import type { CodemodOptions, Note } from '../src/engine/types';

function rewrite(text: string, file: string, options: Partial<CodemodOptions> = {}) {
  const notes: Note[] = [];
  const output = rewriteConfigText(text, file, { profile: 'global', ...options }, notes);
  // Each rewritten ID has a `model` note (the generation changed); the tests read the others.
  return { output, notes: notes.filter((n) => n.kind !== 'model').map((n) => `${n.line}: ${n.message}`), models: notes.filter((n) => n.kind === 'model').map((n) => n.message) };
}

/** Rewrites, then checks that a second run over the result changes nothing. */
function once(text: string, file: string, options: Partial<CodemodOptions> = {}) {
  const first = rewrite(text, file, options);
  if (first.output !== null) expect(rewrite(first.output, file, options).output).toBeNull();
  return first;
}

describe('config files', () => {
  it('knows the config formats and nothing else', () => {
    expect(configFormat('.env')).toBe('env');
    expect(configFormat('deploy/.env.production')).toBe('env');
    expect(configFormat('config/app.json')).toBe('json');
    expect(configFormat('values.yml')).toBe('yaml');
    expect(configFormat('pyproject.toml')).toBe('toml');
    expect(configFormat('infra/main.tf')).toBe('tf');
    expect(configFormat('prod.tfvars')).toBe('tf');
    expect(configFormat('application.properties')).toBe('properties');
    expect(configFormat('README.md')).toBeNull();
    expect(rewrite('anthropic.claude-v2', 'README.md').output).toBeNull();
  });

  it('.env: values, quoted values; comments, other vendors and current IDs stay', () => {
    const input = [
      '# Old: anthropic.claude-v2',
      'BEDROCK_MODEL_ID=anthropic.claude-3-5-sonnet-20240620-v1:0',
      'FAST_MODEL="us.anthropic.claude-3-haiku-20240307-v1:0"',
      'TITAN=amazon.titan-text-express-v1',
      'CURRENT=anthropic.claude-sonnet-4-6',
      'CUSTOM=anthropic.claude-3-haiku-20240307-v1:0-custom',
      '',
    ].join('\n');
    const { output, notes } = once(input, '.env.production');
    expect(output).toBe(
      [
        '# Old: anthropic.claude-v2',
        'BEDROCK_MODEL_ID=global.anthropic.claude-sonnet-4-6',
        'FAST_MODEL="us.anthropic.claude-haiku-4-5-20251001-v1:0"',
        'TITAN=amazon.titan-text-express-v1',
        'CURRENT=anthropic.claude-sonnet-4-6',
        'CUSTOM=anthropic.claude-3-haiku-20240307-v1:0-custom',
        '',
      ].join('\n'),
    );
    expect(notes).toEqual([expect.stringMatching(/^2: routing changed/)]);
    expect(once(input, '.env.production').models).toEqual([
      'anthropic.claude-3-5-sonnet-20240620-v1:0 → global.anthropic.claude-sonnet-4-6 (Claude 3.5 Sonnet → Claude Sonnet 4.6)',
      'us.anthropic.claude-3-haiku-20240307-v1:0 → us.anthropic.claude-haiku-4-5-20251001-v1:0 (Claude 3 Haiku → Claude Haiku 4.5)',
    ]);
  });

  it('YAML: values and lists; keys, comments and would-be duplicates stay', () => {
    const input = [
      'models:',
      '  default: anthropic.claude-3-7-sonnet-20250219-v1:0 # was anthropic.claude-v2',
      '  allowed:',
      '    - anthropic.claude-3-5-sonnet-20240620-v1:0',
      '    - anthropic.claude-3-7-sonnet-20250219-v1:0',
      '    - eu.anthropic.claude-3-5-sonnet-20240620-v1:0',
      '  prices:',
      '    anthropic.claude-3-haiku-20240307-v1:0: 0.25',
      '  arn: arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-opus-4-1-20250805-v1:0',
      '  apac: apac.anthropic.claude-3-5-sonnet-20240620-v1:0',
      '',
    ].join('\n');
    const { output, notes } = once(input, 'config/models.yaml');
    expect(output).toBe(
      [
        'models:',
        '  default: global.anthropic.claude-sonnet-4-6 # was anthropic.claude-v2',
        '  allowed:',
        '    - global.anthropic.claude-sonnet-4-6',
        '    - anthropic.claude-3-7-sonnet-20250219-v1:0',
        '    - eu.anthropic.claude-sonnet-4-6',
        '  prices:',
        '    anthropic.claude-3-haiku-20240307-v1:0: 0.25',
        '  arn: arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-opus-4-6-v1',
        '  apac: apac.anthropic.claude-3-5-sonnet-20240620-v1:0',
        '',
      ].join('\n'),
    );
    expect(notes).toContainEqual(expect.stringMatching(/^5: .*which this list already has/));
    expect(notes).toContainEqual(expect.stringMatching(/^8: .*keys data about that model/));
    expect(notes).toContainEqual(expect.stringMatching(/^10: .*no documented "apac" inference profile/));
  });

  it('JSON: values and arrays; keys, lookalikes and would-be duplicates stay', () => {
    const input = `{
  "modelId": "anthropic.claude-3-haiku-20240307-v1:0",
  "fallbacks": ["anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic.claude-3-haiku-20240307-v1:0"],
  "anthropic.claude-v2": { "maxTokens": 4096 },
  "lookalike": "anthropic.claude-3-haiku-20240307-v1:0-custom",
  "opus": "us.anthropic.claude-opus-4-1-20250805-v1:0"
}
`;
    const { output, notes } = once(input, 'settings.json', { targets: { opus: 'anthropic.claude-opus-4-5-20251101-v1:0' } });
    expect(output).toBe(`{
  "modelId": "global.anthropic.claude-haiku-4-5-20251001-v1:0",
  "fallbacks": ["global.anthropic.claude-haiku-4-5-20251001-v1:0", "anthropic.claude-3-haiku-20240307-v1:0"],
  "anthropic.claude-v2": { "maxTokens": 4096 },
  "lookalike": "anthropic.claude-3-haiku-20240307-v1:0-custom",
  "opus": "us.anthropic.claude-opus-4-5-20251101-v1:0"
}
`);
    expect(JSON.parse(output!)).toBeTruthy();
    expect(notes).toContainEqual(expect.stringMatching(/^3: anthropic\.claude-3-haiku-20240307-v1:0 would become/));
    expect(notes).toContainEqual(expect.stringMatching(/^4: anthropic\.claude-v2 keys data/));
  });

  it('Terraform: interpolated prefixes and ARNs, comments untouched', () => {
    const input = `variable "geo" {
  default = "us"
}

locals {
  model_arn = "arn:aws:bedrock:\${var.region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
  profile   = "\${var.geo}.anthropic.claude-3-5-haiku-20241022-v1:0"
  sonnet    = "\${var.geo}.anthropic.claude-3-5-sonnet-20240620-v1:0"
  model_id  = "anthropic.claude-sonnet-4-20250514-v1:0" // was anthropic.claude-v2
  # anthropic.claude-instant-v1 is gone
}
`;
    const { output, notes } = once(input, 'infra/bedrock.tf');
    expect(output).toBe(`variable "geo" {
  default = "us"
}

locals {
  model_arn = "arn:aws:bedrock:\${var.region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
  profile   = "\${var.geo}.anthropic.claude-haiku-4-5-20251001-v1:0"
  sonnet    = "\${var.geo}.anthropic.claude-3-5-sonnet-20240620-v1:0"
  model_id  = "global.anthropic.claude-sonnet-4-6" // was anthropic.claude-v2
  # anthropic.claude-instant-v1 is gone
}
`);
    expect(notes).toContainEqual(expect.stringMatching(/^6: foundation-model ARN of Claude 3 Haiku/));
    expect(notes).toContainEqual(expect.stringMatching(/^8: the profile prefix is computed at run time/));
  });

  it('Terraform with --profile none rewrites the foundation-model ARN in place', () => {
    const input = 'model_arn = "arn:aws:bedrock:${var.region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"\n';
    expect(once(input, 'main.tf', { profile: 'none' }).output).toBe(
      'model_arn = "arn:aws:bedrock:${var.region}::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0"\n',
    );
  });

  it('TOML and .properties: values rewritten, table headers and keys kept', () => {
    const toml = `[bedrock]\nmodel = "anthropic.claude-3-opus-20240229-v1:0"\n\n[limits."anthropic.claude-3-opus-20240229-v1:0"]\noutput = 4096\n`;
    expect(once(toml, 'app.toml').output).toBe(
      `[bedrock]\nmodel = "global.anthropic.claude-opus-4-6-v1"\n\n[limits."anthropic.claude-3-opus-20240229-v1:0"]\noutput = 4096\n`,
    );
    const props = `# model\nbedrock.model=eu.anthropic.claude-3-7-sonnet-20250219-v1:0\nbedrock.fallback:anthropic.claude-3-haiku-20240307-v1:0\n`;
    expect(once(props, 'application.properties', { profile: 'eu' }).output).toBe(
      `# model\nbedrock.model=eu.anthropic.claude-sonnet-4-6\nbedrock.fallback:eu.anthropic.claude-haiku-4-5-20251001-v1:0\n`,
    );
  });

  it('rewrites the model segment of bedrock-runtime URLs', () => {
    const input = 'BEDROCK_URL=https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-3-5-haiku-20241022-v1:0/invoke\n';
    expect(once(input, '.env').output).toBe(
      'BEDROCK_URL=https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-haiku-4-5-20251001-v1:0/invoke\n',
    );
    const tf = 'endpoint = "https://bedrock-runtime.${var.region}.amazonaws.com/model/anthropic.claude-v2/invoke"\n';
    expect(once(tf, 'main.tf').output).toBe('endpoint = "https://bedrock-runtime.${var.region}.amazonaws.com/model/global.anthropic.claude-opus-4-6-v1/invoke"\n');
  });

  it('returns null when nothing changes and keeps CRLF', () => {
    expect(rewrite('MODEL=anthropic.claude-sonnet-4-6\n', '.env').output).toBeNull();
    expect(rewrite('{"a": "b"}', 'x.json').output).toBeNull();
    expect(rewrite('MODEL=anthropic.claude-v2\r\nOTHER=1\r\n', '.env', { profile: 'none' }).output).toBe(
      'MODEL=anthropic.claude-opus-4-6-v1\r\nOTHER=1\r\n',
    );
  });

  it('is the TextCodemod the manifest loads', () => {
    const notes: Note[] = [];
    expect(configCodemod.name).toBe('model-ids');
    expect(configCodemod.rewriteText('X=anthropic.claude-v2\n', '.env', { targets: {}, profile: 'us', seedTargets: false } as never, notes)).toBe(
      'X=us.anthropic.claude-opus-4-6-v1\n',
    );
  });
});
