import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';
import { readFile, writeFile } from 'node:fs/promises';
import type { Pool } from 'pg';

const client = new AnthropicBedrock({ awsRegion: process.env.AWS_REGION ?? 'us-east-1' });

export interface EditSession {
	id: string;
	repo: string;
	files: string[];
	startedAt: Date;
	finishedAt?: Date;
	edits: Array<{ path: string; command: string; ok: boolean }>;
}

const SYSTEM_PROMPT = `You are a careful code editor working on the repository below.
    Rules:
      - Only edit files you have viewed first.
      - Keep the style of the file (indentation, quotes, line endings).
      - Never touch generated files.
    When you are done, answer with a short summary.`;

const editorTool = {
	type: 'text_editor_20250124',
	name: 'str_replace_editor',
};

export function renderReport(session: EditSession, showFailures: boolean): string {
	const rows = session.edits
		.map(
			(edit) => `
        <tr class="${edit.ok ? 'ok' : 'failed'}">
          <td>${edit.path}</td>
          <td>${edit.command}</td>
          <td>${
			edit.ok
				? 'applied'
				: '<span class="warn">rejected</span>'}</td>
        </tr>`,
		)
		.join('');
	return `<!doctype html>
<html>
  <head>
    <title>Edit session ${session.id}</title>
  </head>
  <body>
    <h1>${session.repo}</h1>
    <p>Started ${session.startedAt.toISOString()}${
		session.finishedAt
			? `, finished ${session.finishedAt.toISOString()}`
			: ""}</p>
    ${showFailures ? `<p class="note">Failures are listed in red.</p>` : ''}
    <table>
      <thead><tr><th>File</th><th>Command</th><th>Result</th></tr></thead>
      <tbody>${rows}</tbody>
    </table>
  </body>
</html>`;
}

export async function saveSession(db: Pool, session: EditSession): Promise<void> {
	await db.query(
		`INSERT INTO edit_sessions (id, repo, started_at, finished_at, edits)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE
       SET finished_at = EXCLUDED.finished_at,
           edits = EXCLUDED.edits`,
		[session.id, session.repo, session.startedAt, session.finishedAt ?? null, JSON.stringify(session.edits)],
	);
}

async function runCommand(session: EditSession, input: { command: string; path: string; old_str?: string; new_str?: string; file_text?: string }) {
	switch (input.command) {
		case 'view':
			return readFile(input.path, 'utf8');
		case 'create':
			await writeFile(input.path, input.file_text ?? '');
			return 'created';
		case 'str_replace': {
			const text = await readFile(input.path, 'utf8');
			if (!input.old_str || !text.includes(input.old_str)) {
				return `Error: no match for the text to replace in ${input.path}`;
			}
			await writeFile(input.path, text.replace(input.old_str, input.new_str ?? ''));
			return 'replaced';
		}
		default:
			return `Error: unknown command ${input.command}`;
	}
}

export async function editRepository(session: EditSession, task: string): Promise<string> {
	const messages: any[] = [{ role: 'user', content: task }];
	for (let turn = 0; turn < 20; turn++) {
		const response = await client.messages.create({
			model: 'global.anthropic.claude-sonnet-4-6',
			max_tokens: 4096,
			system: SYSTEM_PROMPT,
			tools: [editorTool],
			messages,
		});
		messages.push({ role: 'assistant', content: response.content });
		if (response.stop_reason !== 'tool_use') {
			const summary = response.content.find((block) => block.type === 'text');
			return summary?.type === 'text' ? summary.text : '';
		}
		const results = [];
		for (const block of response.content) {
			if (block.type !== 'tool_use') continue;
			const output = await runCommand(session, block.input as any);
			session.edits.push({ path: (block.input as any).path, command: (block.input as any).command, ok: !String(output).startsWith('Error') });
			results.push({ type: 'tool_result', tool_use_id: block.id, content: String(output) });
		}
		messages.push({ role: 'user', content: results });
	}
	return 'stopped after 20 turns';
}
