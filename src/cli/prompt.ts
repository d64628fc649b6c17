import readline from 'node:readline';

/**
 * Reads answers line by line from a stream. Works without a TTY, so answers can be piped in
 * (`printf 'y\nn\n' | bedrock-claude-codemod --interactive`). The end of input reads as null.
 */
export class LineReader {
  private readonly lines: string[] = [];
  private readonly waiting: Array<(line: string | null) => void> = [];
  private closed = false;
  private readonly rl: readline.Interface;

  constructor(input: NodeJS.ReadableStream) {
    this.rl = readline.createInterface({ input, terminal: false });
    this.rl.on('line', (line) => {
      const next = this.waiting.shift();
      if (next) next(line);
      else this.lines.push(line);
    });
    this.rl.on('close', () => {
      this.closed = true;
      for (const w of this.waiting.splice(0)) w(null);
    });
  }

  next(): Promise<string | null> {
    if (this.lines.length) return Promise.resolve(this.lines.shift()!);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  close(): void {
    this.rl.close();
  }
}

/** Asks until the answer is one of `choices` (first letters); null at the end of input. */
export async function ask(
  reader: LineReader,
  out: NodeJS.WritableStream,
  question: string,
  choices: readonly string[],
  help: string,
  echo = false,
): Promise<string | null> {
  for (;;) {
    out.write(question);
    const line = await reader.next();
    if (line === null) {
      out.write('\n');
      return null;
    }
    // Piped answers are not echoed by a terminal: show them so the transcript reads like a session.
    if (echo) out.write(line + '\n');
    const answer = line.trim().toLowerCase();
    const hit = choices.find((c) => answer === c || (answer.length > 0 && c.startsWith(answer) && answer.length === 1));
    if (hit) return hit;
    out.write(help + '\n');
  }
}
