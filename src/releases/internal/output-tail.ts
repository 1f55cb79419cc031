/** The last `max` lines seen, for a step's record (its full output streams to the terminal). */
export class OutputTail {
  readonly lines: string[] = [];

  constructor(private readonly max = 40) {}

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.shift();
  }
}
