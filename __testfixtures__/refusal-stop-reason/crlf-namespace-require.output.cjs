const bedrock = require("@aws-sdk/client-bedrock-runtime");

const client = new bedrock.BedrockRuntimeClient({});

async function tagImage(base64Png) {
    const response = await client.send(
        new bedrock.InvokeModelCommand({
            modelId: "anthropic.claude-3-7-sonnet-20250219-v1:0",
            body: JSON.stringify({
                anthropic_version: "bedrock-2023-05-31",
                max_tokens: 200,
                messages: [
                    {
                        role: "user",
                        content: [
                            { type: "image", source: { type: "base64", media_type: "image/png", data: base64Png } },
                            { type: "text", text: "List three tags for this image, comma separated." },
                        ],
                    },
                ],
            }),
        })
    );
    const decoded = new TextDecoder().decode(response.body);
    const { content, stop_reason } = JSON.parse(decoded);

    if (stop_reason === "refusal") {
        throw new Error(
            "Claude refused the request (stop reason: refusal, model: anthropic.claude-3-7-sonnet-20250219-v1:0)"
        );
    }

    return content[0].text.split(",").map((tag) => tag.trim());
}

async function caption(base64Png) {
    const response = await client.send(
        new bedrock.InvokeModelCommand({
            modelId: "anthropic.claude-3-7-sonnet-20250219-v1:0",
            body: JSON.stringify({
                anthropic_version: "bedrock-2023-05-31",
                max_tokens: 200,
                messages: [{ role: "user", content: [{ type: "image", source: { type: "base64", media_type: "image/png", data: base64Png } }] }],
            }),
        })
    );
    const result = JSON.parse(new TextDecoder().decode(response.body));
    switch (result.stop_reason) {
        case "end_turn":
            return result.content[0].text;
        case "max_tokens":
            return result.content[0].text + "...";
        case "refusal":
            throw new Error(
                "Claude refused the request (stop reason: refusal, model: anthropic.claude-3-7-sonnet-20250219-v1:0)",
            );
        default:
            return null;
    }
}

module.exports = { tagImage, caption };
