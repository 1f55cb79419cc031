import { createInterface } from 'node:readline/promises';

/** One question on the terminal (prompt on stderr, so `--json` output stays clean); undefined when input ends. */
export async function askLine(question: string): Promise<string | undefined> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const closed = new Promise<undefined>((resolve) => rl.once('close', () => resolve(undefined)));
  try {
    return await Promise.race([rl.question(question), closed]);
  } catch {
    return undefined;
  } finally {
    rl.close();
  }
}
