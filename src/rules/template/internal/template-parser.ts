import { PromqlParseError } from '../../../errors.js';
import { parseGoFloat, parseGoInt, unquoteGo, unquoteGoChar } from '../../../gocompat/index.js';
import { lexTemplate, type Token } from './template-lexer.js';
import type { ArgNode, CommandNode, NumberNode, PipeNode, TemplateNode } from './template-nodes.js';

type EndNode = { kind: 'end' | 'else'; pos: number };

/**
 * Parses Go text/template syntax into a tree, refusing what Go refuses at parse time:
 * unknown functions, undefined variables, unbalanced blocks. `define`, `template` and
 * `block` are not supported (guardia renders one template at a time). Throws
 * `PromqlParseError` with Go's message (`template: NAME:LINE: …`) and the offset in `text`.
 */
export function parseTemplate(text: string, name: string, functions: ReadonlySet<string>): TemplateNode[] {
  return new Parser(lexTemplate(text), name, functions).parse();
}

class Parser {
  private index = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly name: string,
    private readonly functions: ReadonlySet<string>,
  ) {}

  parse(): TemplateNode[] {
    const root: TemplateNode[] = [];
    while (this.peek().type !== 'eof') {
      const node = this.textOrAction();
      if (isEnd(node)) this.fail(`unexpected {{${node.kind}}}`);
      root.push(node);
    }
    return root;
  }

  private textOrAction(): TemplateNode | EndNode {
    const token = this.nextNonSpace();
    if (token.type === 'text') return { kind: 'text', text: token.value };
    if (token.type === 'leftDelim') return this.action();
    return this.unexpected(token, 'input');
  }

  private action(): TemplateNode | EndNode {
    const token = this.nextNonSpace();
    if (token.type === 'keyword') {
      switch (token.value) {
        case 'if':
        case 'with':
        case 'range':
          return this.control(token.value, token.pos);
        case 'end':
          return { kind: 'end', pos: this.expect('rightDelim', 'end').pos };
        case 'else':
          return this.elseControl();
        case 'break':
        case 'continue':
          if (this.rangeDepth === 0) this.fail(`{{${token.value}}} outside {{range}}`);
          this.expect('rightDelim', token.value);
          return { kind: token.value, pos: token.pos };
        default:
          this.fail(`guardia does not support {{${token.value}}} in alert templates`);
      }
    }
    this.index--;
    const pos = this.peek().pos;
    return { kind: 'action', pos, pipe: this.pipeline('command', 'rightDelim') };
  }

  private control(kind: 'if' | 'with' | 'range', pos: number): TemplateNode {
    const mark = this.vars.length;
    const pipe = this.pipeline(kind, 'rightDelim');
    if (kind === 'range') this.rangeDepth++;
    const [list, next] = this.itemList();
    if (kind === 'range') this.rangeDepth--;
    let elseList: TemplateNode[] | undefined;
    if (next.kind === 'else') {
      // "{{else if x}}" nests an if that shares this block's {{end}}.
      if (kind === 'if' && this.peek().type === 'keyword' && this.peek().value === 'if') {
        const ifToken = this.next();
        elseList = [this.control('if', ifToken.pos)];
      } else {
        const [list2, end] = this.itemList();
        if (end.kind !== 'end') this.fail('expected end; found {{else}}');
        elseList = list2;
      }
    }
    this.vars.length = mark;
    return { kind, pos, pipe, list, elseList };
  }

  private elseControl(): EndNode {
    const peek = this.peekNonSpace();
    if (peek.type === 'keyword' && peek.value === 'if') return { kind: 'else', pos: peek.pos };
    return { kind: 'else', pos: this.expect('rightDelim', 'else').pos };
  }

  private itemList(): [TemplateNode[], EndNode] {
    const list: TemplateNode[] = [];
    while (this.peekNonSpace().type !== 'eof') {
      const node = this.textOrAction();
      if (isEnd(node)) return [list, node];
      list.push(node);
    }
    return this.fail('unexpected EOF');
  }

  private pipeline(context: string, end: 'rightDelim' | 'rightParen'): PipeNode {
    const pipe: PipeNode = { kind: 'pipe', pos: this.peekNonSpace().pos, decl: [], isAssign: false, cmds: [] };
    this.declarations(pipe, context);
    for (;;) {
      const token = this.nextNonSpace();
      if (token.type === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      if (['bool', 'charConstant', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen'].includes(token.type)) {
        this.index--;
        pipe.cmds.push(this.command());
      } else {
        this.unexpected(token, context);
      }
    }
  }

  private declarations(pipe: PipeNode, context: string): void {
    for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'variable') return;
      const start = this.index;
      this.nextNonSpace();
      const next = this.peekNonSpace();
      if (next.type === 'assign' || next.type === 'declare') {
        pipe.isAssign = next.type === 'assign';
        this.nextNonSpace();
        if (pipe.isAssign && !this.vars.includes(v.value)) this.fail(`undefined variable ${JSON.stringify(v.value)}`);
        pipe.decl.push(v.value);
        this.vars.push(v.value);
        return;
      }
      if (next.type === 'char' && next.value === ',') {
        this.nextNonSpace();
        pipe.decl.push(v.value);
        this.vars.push(v.value);
        if (context === 'range' && pipe.decl.length < 2 && this.peekNonSpace().type === 'variable') continue;
        this.fail(context === 'range' ? 'range can only initialize variables' : `too many declarations in ${context}`);
      }
      this.index = start;
      return;
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.fail(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((cmd, i) => {
      if (['bool', 'dot', 'nil', 'number', 'string'].includes((cmd.args[0] as ArgNode).kind)) {
        this.fail(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private command(): CommandNode {
    const cmd: CommandNode = { pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.type === 'space') continue;
      if (token.type === 'rightDelim' || token.type === 'rightParen') this.index--;
      else if (token.type !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.fail('empty command');
    return cmd;
  }

  private operand(): ArgNode | undefined {
    const node = this.term();
    if (!node || this.peek().type !== 'field') return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === 'field') fields.push(this.next().value.slice(1));
    if (node.kind === 'field' || node.kind === 'variable') return { ...node, pos, idents: [...node.idents, ...fields] };
    if (['bool', 'string', 'number', 'nil', 'dot'].includes(node.kind)) this.fail(`unexpected . after term ${JSON.stringify(termText(node))}`);
    return { kind: 'chain', pos, node, fields };
  }

  private term(): ArgNode | undefined {
    const token = this.nextNonSpace();
    const pos = token.pos;
    switch (token.type) {
      case 'identifier':
        if (!this.functions.has(token.value)) this.fail(`function ${JSON.stringify(token.value)} not defined`);
        return { kind: 'identifier', pos, name: token.value };
      case 'dot':
        return { kind: 'dot', pos };
      case 'nil':
        return { kind: 'nil', pos };
      case 'variable': {
        const idents = token.value.split('.');
        if (!this.vars.includes(idents[0] as string)) this.fail(`undefined variable ${JSON.stringify(idents[0])}`);
        return { kind: 'variable', pos, idents };
      }
      case 'field':
        return { kind: 'field', pos, idents: [token.value.slice(1)] };
      case 'bool':
        return { kind: 'bool', pos, value: token.value === 'true' };
      case 'number':
      case 'charConstant':
        return this.number(token);
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString': {
        const text = unquoteGo(token.value);
        if (text === undefined) this.fail('invalid syntax');
        return { kind: 'string', pos, quoted: token.value, text };
      }
      default:
        this.index--;
        return undefined;
    }
  }

  private number(token: Token): NumberNode {
    const node: NumberNode = { kind: 'number', pos: token.pos, text: token.value, isInt: false, isFloat: false, int: 0, float: 0 };
    if (token.type === 'charConstant') {
      const rune = unquoteGoChar(token.value);
      if (rune === undefined) this.fail(`malformed character constant: ${token.value}`);
      return { ...node, isInt: true, isFloat: true, int: rune, float: rune };
    }
    const int = parseGoInt(token.value);
    if (typeof int === 'number') return { ...node, isInt: true, isFloat: true, int, float: int };
    const float = parseGoFloat(token.value);
    if (typeof float !== 'number') this.fail(`illegal number syntax: ${JSON.stringify(token.value)}`);
    if (!/[.eEpP]/.test(token.value)) this.fail(`integer overflow: ${JSON.stringify(token.value)}`);
    const isInt = Number.isInteger(float) && Math.abs(float) < 2 ** 63;
    return { ...node, isFloat: true, float, isInt, int: isInt ? float : 0 };
  }

  private expect(type: Token['type'], context: string): Token {
    const token = this.nextNonSpace();
    if (token.type !== type) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Token, context: string): never {
    if (token.type === 'error') this.fail(token.value, token);
    return this.fail(`unexpected ${describeToken(token)} in ${context}`, token);
  }

  private fail(message: string, token: Token = this.tokens[Math.max(this.index - 1, 0)] as Token): never {
    throw new PromqlParseError(`template: ${this.name}:${token.line}: ${message}`, token.pos);
  }

  private peek(): Token {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type === 'error') this.fail(token.value, token);
    if (this.index < this.tokens.length - 1) this.index++;
    else this.index = this.tokens.length;
    return token;
  }

  private peekNonSpace(): Token {
    while (this.peek().type === 'space') this.index++;
    return this.peek();
  }

  private nextNonSpace(): Token {
    this.peekNonSpace();
    return this.next();
  }
}

function isEnd(node: TemplateNode | EndNode): node is EndNode {
  return node.kind === 'end' || node.kind === 'else';
}

function termText(node: ArgNode): string {
  return node.kind === 'string' ? node.quoted : node.kind === 'number' ? node.text : node.kind === 'bool' ? String(node.value) : node.kind === 'nil' ? 'nil' : '.';
}

/** How Go's parser names a token in "unexpected …" messages. */
function describeToken(token: Token): string {
  if (token.type === 'eof') return 'EOF';
  if (token.type === 'keyword') return `<${token.value}>`;
  if (token.type === 'leftDelim' || token.type === 'rightDelim') return `"${token.value}"`;
  const chars = [...token.value];
  return chars.length > 10 ? `${JSON.stringify(chars.slice(0, 10).join(''))}...` : JSON.stringify(token.value);
}
