// Module hooks that let a plain `node` child process run guardia's TypeScript sources:
// `.js` imports resolve to the `.ts` file beside them, and `.ts` files are transpiled
// (types stripped, no type check) with the project's own TypeScript.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import ts from 'typescript';

export async function resolve(specifier, context, next) {
  if (specifier.startsWith('.') && specifier.endsWith('.js') && /\.tsx?$/.test(context.parentURL ?? '')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
    const jsx = new URL(specifier.replace(/\.js$/, '.tsx'), context.parentURL);
    if (existsSync(fileURLToPath(jsx))) return { url: jsx.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!/\.tsx?$/.test(url)) return next(url, context);
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false, jsx: ts.JsxEmit.ReactJSX, jsxImportSource: 'hono/jsx' },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
