import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

// Replays a screenshot tool call: the tool result carries an image and a caption.
export async function describeScreenshot(screenshotBase64: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
      messages: [
        { role: "user", content: [{ text: "What is on my screen?" }] },
        {
          role: "assistant",
          content: [
            {
              toolUse: {
                toolUseId: "toolu_screen_1",
                name: "take_screenshot",
                input: {},
              },
            },
          ],
        },
        {
          role: "user",
          content: [
            {
              toolResult: {
                toolUseId: "toolu_screen_1",
                content: [
                  {
                    image: {
                      format: "jpeg",
                      source: {
                        bytes: Buffer.from(screenshotBase64, "base64"),
                      },
                    },
                  },
                  { text: "Screenshot taken at 10:42" },
                ],
                status: "success",
              },
            },
          ],
        },
      ],
      inferenceConfig: { maxTokens: 400 },
      toolConfig: {
        tools: [
          {
            toolSpec: {
              name: "take_screenshot",
              description: "Capture the current screen",
              inputSchema: { json: { type: "object", properties: {} } },
            },
          },
          { cachePoint: { type: "default" } },
        ],
      },
    }),
  );
  return response.output!.message!.content!.map((block) => (block.text !== undefined ? block.text! : "")).join("");
}
