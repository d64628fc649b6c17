import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

// Replays a screenshot tool call: the tool result carries an image and a caption.
export async function describeScreenshot(screenshotBase64: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 400,
        tools: [
          {
            name: "take_screenshot",
            description: "Capture the current screen",
            input_schema: { type: "object", properties: {} },
            cache_control: { type: "ephemeral" },
          },
        ],
        messages: [
          { role: "user", content: "What is on my screen?" },
          {
            role: "assistant",
            content: [{ type: "tool_use", id: "toolu_screen_1", name: "take_screenshot", input: {} }],
          },
          {
            role: "user",
            content: [
              {
                type: "tool_result",
                tool_use_id: "toolu_screen_1",
                content: [
                  { type: "image", source: { type: "base64", media_type: "image/jpeg", data: screenshotBase64 } },
                  { type: "text", text: "Screenshot taken at 10:42" },
                ],
                is_error: false,
              },
            ],
          },
        ],
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.content.map((block: any) => (block.type === "text" ? block.text : "")).join("");
}
