import { extname } from 'node:path';

// Source languages where an unquoted value after `name =` is an expression, not a literal.
const CODE_EXTENSIONS = new Set([
  '.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.py', '.rb', '.go', '.java', '.kt', '.scala', '.cs', '.php', '.rs', '.swift', '.c', '.h', '.cc', '.cpp', '.hpp', '.m', '.dart', '.lua', '.groovy',
]);

/** True for source files, where the generic rule only trusts string literals (`token = refreshToken2` is code). */
export function isCodeFile(path: string): boolean {
  return CODE_EXTENSIONS.has(extname(path).toLowerCase());
}
