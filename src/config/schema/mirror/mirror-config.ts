import type { AllowedColumn, MaskRule } from '../../../mirror/mask-rule.js';

/** A staging mirror (`mirror:` of the target environment), resolved. */
export interface MirrorConfig {
  /** The only environment this one may be mirrored from, when set. */
  from?: string;
  /** Masking rules in file order. */
  rules: MaskRule[];
  /** Personal-looking columns kept on purpose. */
  allow: AllowedColumn[];
  /** Absolute paths of SQL files run in order after masking. */
  seed: string[];
  /** Masking key; when absent one is generated once and kept in the store. */
  key?: string;
}
