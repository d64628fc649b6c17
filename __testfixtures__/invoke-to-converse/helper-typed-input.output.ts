import { BedrockRuntimeClient, ConverseCommand, type ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({});

const modelId = 'anthropic.claude-haiku-4-5-20251001-v1:0';

function buildInput(diff: string, style: 'conventional' | 'plain'): ConverseCommandInput {
    const instructions = style === 'conventional'
        ? 'Write a Conventional Commits message (type(scope): subject) for this diff.'
        : 'Write a one-line commit message for this diff.';
    return {
        modelId,
        messages: [{ role: 'user', content: [{ text: diff }] }],
        system: [{ text: instructions }],
        inferenceConfig: { maxTokens: 120 },
    };
}

export async function commitMessage(diff: string, style: 'conventional' | 'plain' = 'plain'): Promise<string> {
    const response = await client.send(new ConverseCommand(buildInput(diff, style)));
    return response.output!.message!.content![0].text!.trim();
}
