import { isScalar, parseDocument, visit } from 'yaml';

/** Where a `${VAR}` of the config comes from in a workflow job. */
export interface SecretMapping {
  /** The environment variable guardia reads. */
  variable: string;
  /** The GitHub secret it is set from. */
  secret: string;
}

export interface SecretNames {
  mappings: SecretMapping[];
  /** Variables that cannot come from a GitHub secret, with why. */
  skipped: { variable: string; reason: string }[];
}

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}/g;

/**
 * The `${VAR}` references in the config's string values (comments and `$${…}` escapes are
 * not references), in file order, each mapped to a GitHub secret of the same name upper-cased.
 * GitHub secret names are upper-case letters, digits and `_`, never starting with `GITHUB_`
 * or a digit; a variable that cannot be one is reported, not mapped.
 */
export function configSecretNames(configText: string): SecretNames {
  const seen = new Set<string>();
  const doc = parseDocument(configText, { uniqueKeys: false });
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'string') return;
      // `$$` is a literal dollar sign: drop escaped pairs before looking for references.
      for (const match of node.value.replace(/\$\$/g, '').matchAll(REFERENCE)) seen.add(match[1] as string);
    },
  });
  const result: SecretNames = { mappings: [], skipped: [] };
  for (const variable of seen) {
    const secret = variable.toUpperCase();
    if (secret.startsWith('GITHUB_')) result.skipped.push({ variable, reason: 'GitHub secret names cannot start with GITHUB_' });
    else result.mappings.push({ variable, secret });
  }
  return result;
}

/** The `env:` block that sets each variable from its secret. */
export function secretEnv(names: SecretNames): Record<string, string> {
  return Object.fromEntries(names.mappings.map((m) => [m.variable, `\${{ secrets.${m.secret} }}`]));
}
