import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/config/index.js';

describe('guardia.schema.json', () => {
  it('is the schema `guardia schema` prints (regenerate with npm run schema)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../guardia.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(committed).toEqual(configJsonSchema());
  });
});
