// `node --import ./test/support/ts-register.mjs script.ts`: runs a TypeScript test helper in a child process.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
