import { PromqlParseError } from '../../../errors.js';
import type { Token } from './lexer.js';

/** A node of the syntax tree: lezer's node names and offsets, comments left out. */
export interface SyntaxNode {
  name: string;
  from: number;
  to: number;
  children: SyntaxNode[];
}

/** The expression text with its 2.42 tokens, looked up by where lezer's nodes start and end. */
export class Source {
  private readonly byStart = new Map<number, Token>();
  private readonly byEnd = new Map<number, Token>();

  constructor(readonly text: string, readonly tokens: readonly Token[]) {
    for (const token of tokens) {
      this.byStart.set(token.start, token);
      this.byEnd.set(token.end, token);
    }
  }

  slice(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  /** The token starting at `offset`. */
  tokenAt(offset: number): Token {
    return this.found(this.byStart.get(offset), offset);
  }

  /** The token ending at `offset`. */
  tokenEndingAt(offset: number): Token {
    return this.found(this.byEnd.get(offset), offset);
  }

  /** The first token ending after `offset`, if any. */
  tokenAfter(offset: number): Token | undefined {
    return this.tokens.find((t) => t.end > offset);
  }

  private found(token: Token | undefined, offset: number): Token {
    // Only reachable if lezer and the 2.42 lexer disagree on a token boundary.
    if (!token) throw new PromqlParseError('cannot read the expression here; check the syntax', offset);
    return token;
  }
}
