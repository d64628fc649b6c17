import { askClaude } from './claude';

export async function draftReply(email) {
  const message = await askClaude(`Draft a polite reply to this email:\n\n${email}`);
  return message.content[0].text.trim();
}
