import { BedrockRuntimeClient, InvokeModelCommand, InvokeModelCommandInput } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({});

const modelId = 'anthropic.claude-haiku-4-5-20251001-v1:0';

function buildInput(diff: string, style: 'conventional' | 'plain'): InvokeModelCommandInput {
    const instructions = style === 'conventional'
        ? 'Write a Conventional Commits message (type(scope): subject) for this diff.'
        : 'Write a one-line commit message for this diff.';
    return {
        modelId,
        contentType: 'application/json',
        accept: 'application/json',
        body: JSON.stringify({
            anthropic_version: 'bedrock-2023-05-31',
            max_tokens: 120,
            system: instructions,
            messages: [{ role: 'user', content: diff }],
        }),
    };
}

export async function commitMessage(diff: string, style: 'conventional' | 'plain' = 'plain'): Promise<string> {
    const response = await client.send(new InvokeModelCommand(buildInput(diff, style)));
    const result = JSON.parse(new TextDecoder().decode(response.body));
    return result.content[0].text.trim();
}
