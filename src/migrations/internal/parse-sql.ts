import type { Node } from 'libpg-query';

/** One top-level statement of an SQL text, as PostgreSQL's own parser sees it. */
export interface SqlStatement {
  /** The parse tree node (`{ AlterTableStmt: … }`). */
  node: Node;
  /** The statement's text, without the separating semicolon. */
  text: string;
  /** 1-based line of the statement's first token. */
  line: number;
}

/** The SQL could not be parsed; `line` is where the parser stopped. */
export class SqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Splits and parses SQL with libpg-query (the PostgreSQL 17 grammar). Throws SqlSyntaxError. */
export async function parseSql(sql: string): Promise<SqlStatement[]> {
  // Parser locations are byte offsets into the UTF-8 text.
  const bytes = Buffer.from(sql, 'utf8');
  let result: { stmts?: { stmt?: Node; stmt_location?: number; stmt_len?: number }[] };
  try {
    // Loaded on first use: the parser is WebAssembly, and only lint and migrate need it.
    const { parse } = await import('libpg-query');
    result = (await parse(sql)) as typeof result;
  } catch (error) {
    const position = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition ?? 0;
    throw new SqlSyntaxError(error instanceof Error ? error.message : String(error), lineAt(bytes, position));
  }
  return (result.stmts ?? []).flatMap((raw) => {
    if (raw.stmt === undefined) return [];
    const start = firstToken(bytes, raw.stmt_location ?? 0);
    const end = raw.stmt_len ? (raw.stmt_location ?? 0) + raw.stmt_len : bytes.length;
    return [{ node: raw.stmt, text: bytes.subarray(start, end).toString('utf8'), line: lineAt(bytes, start) }];
  });
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Skips the whitespace and comments a statement's location includes before its first token. */
function firstToken(bytes: Buffer, offset: number): number {
  let i = offset;
  while (i < bytes.length) {
    const c = bytes[i];
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x2d && bytes[i + 1] === 0x2d) {
      while (i < bytes.length && bytes[i] !== 0x0a) i++;
    } else if (c === 0x2f && bytes[i + 1] === 0x2a) {
      const close = bytes.indexOf('*/', i + 2);
      i = close < 0 ? bytes.length : close + 2;
    } else break;
  }
  return i;
}
