/** Compiles a configured regex; an invalid one yields a reason instead of throwing. */
export function compileRegex(source: string): RegExp | string {
  try {
    return new RegExp(source);
  } catch {
    return `invalid regex /${source}/`;
  }
}
