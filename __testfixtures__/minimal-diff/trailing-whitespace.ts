import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { logger } from "./logger";

/**
 * Summaries for the support inbox.   
 * One call per ticket; the caller batches.
 */
export class TicketSummarizer {
  private readonly client: BedrockRuntimeClient;
  
  constructor(region: string) {
    this.client = new BedrockRuntimeClient({ region });   
  }
    
  async summarize(ticket: { id: string; subject: string; body: string }): Promise<string> {
    // Keep the prompt short: tickets can be long.  
    const prompt = `Summarize this support ticket in two sentences.
Subject: ${ticket.subject}

${ticket.body}`;
      
    const response = await this.client.send(
      new InvokeModelCommand({
        // Haiku is enough for summaries and keeps the cost down.
        modelId: "anthropic.claude-3-haiku-20240307-v1:0",
        contentType: "application/json",
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 300,
          messages: [{ role: "user", content: prompt }],
        }),
      }),
    );
    const result = JSON.parse(new TextDecoder().decode(response.body));
    logger.debug("summarized", { id: ticket.id, tokens: result.usage.output_tokens });   
	
    return result.content[0].text;
  }

  /* Tickets under this length are not worth a model call. */   
  isShort(ticket: { body: string }): boolean {
    return ticket.body.length < 200;  
  }
}
