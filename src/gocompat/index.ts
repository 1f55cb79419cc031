/**
 * Go and Prometheus compatibility primitives: how Go formats, parses and quotes numbers
 * and strings, computes `math` functions and runs RE2 regexes, and how Prometheus reads
 * and writes durations. The PromQL engine and the rule files, templates and tests use
 * these so that their results are bit-identical to Prometheus 2.42's.
 */
export { formatGoFloat, sprintGoFloat, type FloatFormat } from './go-float-format.js';
export { parseGoFloat, parseGoInt, type GoNumError } from './go-float-parse.js';
export { goQuote, goQuoteRune, goRuneName } from './go-quote.js';
export { unquoteGo, unquoteGoChar, unquotePromql } from './go-unquote.js';
export { goExp, goLog, goLog10, goLog2 } from './go-math.js';
export { goAtan2, goPow } from './go-math-pow-atan2.js';
export { formatPromDuration, parsePromDuration } from './prom-duration.js';
export { compileRe2, type Re2Options, type Re2Regex } from './re2/compile-re2.js';
export { expandRe2Template } from './re2/re2-expand.js';
export { replaceAllRe2 } from './re2/re2-replace-all.js';
export { Re2SyntaxError } from './re2/re2-syntax-error.js';
