/**
 * The parse tree of a Go text/template, with Go's positions (offsets into the text)
 * so execution errors can say `at <gt $value 1>` with the right column.
 */
export type ArgNode =
  | { kind: 'field'; pos: number; idents: string[] }
  | { kind: 'variable'; pos: number; idents: string[] }
  | { kind: 'chain'; pos: number; node: ArgNode; fields: string[] }
  | { kind: 'identifier'; pos: number; name: string }
  | { kind: 'dot'; pos: number }
  | { kind: 'nil'; pos: number }
  | { kind: 'bool'; pos: number; value: boolean }
  | NumberNode
  | { kind: 'string'; pos: number; quoted: string; text: string }
  | PipeNode;

/** A number literal, with the ways Go can read it (as an int, as a float). */
export interface NumberNode {
  kind: 'number';
  pos: number;
  text: string;
  isInt: boolean;
  isFloat: boolean;
  int: number;
  float: number;
}

/** One command of a pipeline: a function and its arguments, or a single operand. */
export interface CommandNode {
  pos: number;
  args: ArgNode[];
}

/** `cmd | cmd | …`, possibly declaring or assigning variables. */
export interface PipeNode {
  kind: 'pipe';
  pos: number;
  /** Variables declared (`$x :=`) or assigned (`$x =`) by this pipeline. */
  decl: string[];
  isAssign: boolean;
  cmds: CommandNode[];
}

/** A node of the template's body: text, an action, or a block. */
export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pos: number; pipe: PipeNode }
  | { kind: 'if' | 'with' | 'range'; pos: number; pipe: PipeNode; list: TemplateNode[]; elseList: TemplateNode[] | undefined }
  | { kind: 'break' | 'continue'; pos: number };

/** Go's `Node.String()`, as execution errors quote the node. */
export function nodeText(node: ArgNode | CommandNode): string {
  if (!('kind' in node)) return node.args.map((arg) => (arg.kind === 'pipe' ? `(${nodeText(arg)})` : nodeText(arg))).join(' ');
  switch (node.kind) {
    case 'field':
      return node.idents.map((id) => `.${id}`).join('');
    case 'variable':
      return node.idents.join('.');
    case 'chain':
      return `${node.node.kind === 'pipe' ? `(${nodeText(node.node)})` : nodeText(node.node)}${node.fields.map((f) => `.${f}`).join('')}`;
    case 'identifier':
      return node.name;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(node.value);
    case 'number':
      return node.text;
    case 'string':
      return node.quoted;
    case 'pipe': {
      const decl = node.decl.length > 0 ? `${node.decl.join(', ')} ${node.isAssign ? '=' : ':='} ` : '';
      return decl + node.cmds.map(nodeText).join(' | ');
    }
  }
}
