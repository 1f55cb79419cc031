import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { booleanField } from '../internal/boolean-field.js';
import { optional } from '../internal/optional-field.js';
import { typeError } from '../internal/parsed-text.js';
import { strictObject } from '../internal/strict-object.js';
import { byType, switchUnion } from '../internal/switch-union.js';
import { urlField } from '../internal/url-field.js';

const LOCATION = 'a repository like "file:./backups", "file:///srv/backups" or "s3://bucket/prefix"';
const S3_URL = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](?:\/.*)?$/;
const S3_EXPECTED = 'an S3 location like "s3://bucket/prefix"';

/** `file:<path>` with a non-empty path, or `s3://bucket[/prefix]`. */
export function isRepositoryLocation(text: string): boolean {
  return (/^file:./.test(text) && text !== 'file://') || S3_URL.test(text);
}

const locationField = () =>
  z.string({ error: typeError(`expected ${LOCATION}${GOT}`) }).refine(isRepositoryLocation, { error: `expected ${LOCATION}${GOT}` });

const s3Schema = strictObject({
  s3: z.string({ error: typeError(`expected ${S3_EXPECTED}${GOT}`) }).regex(S3_URL, { error: `expected ${S3_EXPECTED}${GOT}` }).describe('Bucket and key prefix, e.g. `s3://acme-backups/guardia`.'),
  endpoint: optional(urlField(['http:', 'https:'], 'an http(s) URL like "http://127.0.0.1:9000"')).describe(
    'Endpoint of an S3-compatible store (MinIO, R2, s3rver…). Default: AWS. Credentials come from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).',
  ),
  region: optional(z.string({ error: typeError(`expected a region like "eu-west-1"${GOT}`) })).describe('Region. Default: us-east-1.'),
  path_style: optional(booleanField()).describe('Path-style addressing (`endpoint/bucket/key`). Default: true with an endpoint, else false.'),
  checksums: optional(z.enum(['when_required', 'when_supported'], { error: `expected when_required or when_supported${GOT}` })).describe(
    '`when_required` sends checksums only when an operation needs them (s3rver and several providers need this); `when_supported` is the SDK default. Default: when_required with an endpoint, else when_supported.',
  ),
}).describe('An S3-compatible repository with its connection settings.');

const oneRepository = () =>
  switchUnion([locationField(), s3Schema], byType({ string: 0, object: 1 }, `expected ${LOCATION}, or a mapping with "s3"${GOT}`));

/** `to:` one repository or a list; each backup is copied to every one, in order. */
export const repositoriesSchema = switchUnion(
  [oneRepository().transform((one) => [one]), z.array(oneRepository()).min(1, { error: 'expected at least one repository' })],
  byType({ string: 0, object: 0, array: 1 }, `expected ${LOCATION}, a mapping with "s3", or a list of them${GOT}`),
).describe(
  'Where backups go: `file:backups` / `file:./backups` (relative to this file), `file:///srv/backups`, `s3://bucket/prefix`, or `{s3, endpoint, region, path_style, checksums}`; a list copies each backup to each.',
);

/** A repository as the schema validated it. */
export type RepositoryInput = string | z.output<typeof s3Schema>;
