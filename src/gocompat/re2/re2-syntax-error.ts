/** The pattern is not valid RE2; the message says why, like Go's `regexp/syntax` error. */
export class Re2SyntaxError extends Error {}
