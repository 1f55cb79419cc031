import { Document, isScalar, Scalar } from 'yaml';
import { GITHUB_ACTIONS_MARKER } from './github-actions-options.js';
import type { Workflow } from './workflow-types.js';

/**
 * The workflow as YAML text, first line the marker. `on` is written as a quoted key: a YAML 1.1
 * reader (PyYAML, older tools) reads a bare `on` as the boolean true.
 */
export function renderWorkflow(workflow: Workflow): string {
  // No anchors and aliases: GitHub reads them only since 2025 and other tools not at all.
  const doc = new Document(workflow, { aliasDuplicateObjects: false });
  doc.commentBefore = `${GITHUB_ACTIONS_MARKER.slice(1)} change guardia.yaml and run it again instead of editing this file.`;
  const root = doc.contents as { items: { key: unknown }[] };
  for (const pair of root.items) {
    if (isScalar(pair.key) && pair.key.value === 'on') pair.key.type = Scalar.QUOTE_DOUBLE;
  }
  return doc.toString({ lineWidth: 0, nullStr: '' });
}
