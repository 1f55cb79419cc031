import { formatGoValue, goFloat, goInt, goNil, goString, goTypeName, isTrue, sortedKeys, type GoValue } from './go-value.js';
import type { ParamType, TemplateFunction } from './template-function.js';
import { nodeText, type ArgNode, type CommandNode, type PipeNode, type TemplateNode } from './template-nodes.js';

/** A failure while running a template; the message is Go's (`template: NAME:1:118: executing …`). */
class TemplateExecError extends Error {}

type Located = ArgNode | CommandNode;
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

/**
 * Runs a parsed template over `data` with Go's semantics: `missingkey=zero` map
 * lookups, typed function arguments, short-circuit `and`/`or`, sorted map ranges.
 */
export function executeTemplate(tree: readonly TemplateNode[], context: { text: string; name: string; data: GoValue; functions: ReadonlyMap<string, TemplateFunction> }): string {
  const run = new Execution(context.text, context.name, context.functions, context.data);
  run.walkList(context.data, tree);
  return run.out;
}

class Execution {
  out = '';
  private readonly vars: { name: string; value: GoValue }[];
  private node: Located | undefined;

  constructor(
    private readonly text: string,
    private readonly name: string,
    private readonly functions: ReadonlyMap<string, TemplateFunction>,
    root: GoValue,
  ) {
    this.vars = [{ name: '$', value: root }];
  }

  walkList(dot: GoValue, list: readonly TemplateNode[]): void {
    for (const node of list) this.walk(dot, node);
  }

  private walk(dot: GoValue, node: TemplateNode): void {
    switch (node.kind) {
      case 'text':
        this.out += node.text;
        return;
      case 'action': {
        const value = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.out += formatGoValue(value);
        return;
      }
      case 'if':
      case 'with':
        return this.scoped(() => {
          const value = this.evalPipeline(dot, node.pipe);
          if (isTrue(value)) this.walkList(node.kind === 'with' ? value : dot, node.list);
          else if (node.elseList) this.walkList(dot, node.elseList);
        });
      case 'range':
        return this.scoped(() => this.walkRange(dot, node.pipe, node.list, node.elseList));
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
    }
  }

  private walkRange(dot: GoValue, pipe: PipeNode, list: readonly TemplateNode[], elseList: readonly TemplateNode[] | undefined): void {
    // The range variables take each element, not the ranged-over value.
    const value = this.evalCommands(dot, pipe);
    if (value.type !== 'map') this.fail(`range can't iterate over ${formatGoValue(value)}`);
    const keys = sortedKeys(value.v);
    for (const key of keys) {
      const element = goString(value.v.get(key) as string);
      const mark = this.vars.length;
      if (pipe.decl.length === 1) this.vars.push({ name: pipe.decl[0] as string, value: element });
      if (pipe.decl.length === 2) this.vars.push({ name: pipe.decl[0] as string, value: goString(key) }, { name: pipe.decl[1] as string, value: element });
      try {
        this.walkList(element, list);
      } catch (signal) {
        if (signal === BREAK) break;
        if (signal !== CONTINUE) throw signal;
      } finally {
        this.vars.length = mark;
      }
    }
    if (keys.length === 0 && elseList) this.walkList(dot, elseList);
  }

  private scoped(body: () => void): void {
    const mark = this.vars.length;
    try {
      body();
    } finally {
      this.vars.length = mark;
    }
  }

  private evalCommands(dot: GoValue, pipe: PipeNode): GoValue {
    let value: GoValue | undefined;
    for (const cmd of pipe.cmds) value = this.evalCommand(dot, cmd, value);
    return value ?? goNil;
  }

  private evalPipeline(dot: GoValue, pipe: PipeNode): GoValue {
    const value = this.evalCommands(dot, pipe);
    for (const name of pipe.decl) {
      if (pipe.isAssign) {
        const slot = this.vars.findLast((v) => v.name === name);
        if (slot) slot.value = value;
      } else {
        this.vars.push({ name, value });
      }
    }
    return value;
  }

  private evalCommand(dot: GoValue, cmd: CommandNode, final: GoValue | undefined): GoValue {
    const first = cmd.args[0] as ArgNode;
    switch (first.kind) {
      case 'field':
        this.node = first;
        return this.evalFields(dot, first, first.idents, cmd.args, final);
      case 'chain':
        this.node = first;
        return this.evalFields(this.evalArg(dot, 'any', first.node), first, first.fields, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args.slice(1), final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariable(first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.kind) {
      case 'bool':
        return { type: 'bool', v: first.value };
      case 'dot':
        return dot;
      case 'nil':
        return this.fail('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return goString(first.text);
    }
  }

  private evalVariable(node: Extract<ArgNode, { kind: 'variable' }>, args: readonly ArgNode[], final: GoValue | undefined): GoValue {
    this.node = node;
    const value = this.vars.findLast((v) => v.name === node.idents[0])?.value ?? goNil;
    if (node.idents.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFields(value, node, node.idents.slice(1), args, final);
  }

  private evalFields(receiver: GoValue, node: Located, idents: readonly string[], args: readonly ArgNode[], final: GoValue | undefined): GoValue {
    let value = receiver;
    idents.forEach((ident, i) => {
      const last = i === idents.length - 1;
      value = this.evalField(value, ident, last && (args.length > 1 || final !== undefined));
    });
    this.node = node;
    return value;
  }

  private evalField(receiver: GoValue, field: string, hasArgs: boolean): GoValue {
    if (receiver.type === 'map') {
      if (hasArgs) this.fail(`${field} is not a method but has arguments`);
      return goString(receiver.v.get(field) ?? '');
    }
    if (receiver.type === 'struct' && receiver.fields.has(field)) {
      if (hasArgs) this.fail(`${field} has arguments but cannot be invoked as function`);
      return receiver.fields.get(field) as GoValue;
    }
    if (receiver.type === 'nil') return goNil;
    return this.fail(`can't evaluate field ${field} in type ${goTypeName(receiver)}`);
  }

  private evalFunction(dot: GoValue, ident: Extract<ArgNode, { kind: 'identifier' }>, cmd: Located, args: readonly ArgNode[], final: GoValue | undefined): GoValue {
    this.node = ident;
    const fn = this.functions.get(ident.name);
    if (!fn) return this.fail(`${JSON.stringify(ident.name)} is not a defined function`);
    const count = args.length + (final === undefined ? 0 : 1);
    if (fn.variadic !== undefined ? count < fn.params.length : count !== fn.params.length) {
      const want = fn.variadic !== undefined ? `at least ${fn.params.length}` : String(fn.params.length);
      this.fail(`wrong number of args for ${ident.name}: want ${want} got ${count}`);
    }
    const paramAt = (i: number): ParamType => fn.params[i] ?? (fn.variadic as ParamType);
    if (ident.name === 'and' || ident.name === 'or') return this.shortCircuit(dot, ident.name, args, final);
    const values = args.map((arg, i) => this.evalArg(dot, paramAt(i), arg));
    if (final !== undefined) values.push(this.validate(final, paramAt(args.length)));
    try {
      return fn.call(values);
    } catch (error) {
      this.node = cmd;
      return this.fail(`error calling ${ident.name}: ${(error as Error).message}`);
    }
  }

  private shortCircuit(dot: GoValue, name: 'and' | 'or', args: readonly ArgNode[], final: GoValue | undefined): GoValue {
    let value: GoValue = goNil;
    for (const arg of args) {
      value = this.evalArg(dot, 'any', arg);
      if (isTrue(value) === (name === 'or')) return value;
    }
    return final ?? value;
  }

  private evalArg(dot: GoValue, param: ParamType, arg: ArgNode): GoValue {
    this.node = arg;
    switch (arg.kind) {
      case 'dot':
        return this.validate(dot, param);
      case 'nil':
        return param === 'any' ? goNil : this.fail(`cannot assign nil to ${param}`);
      case 'field':
        return this.validate(this.evalFields(dot, arg, arg.idents, [arg], undefined), param);
      case 'variable':
        return this.validate(this.evalVariable(arg, [arg], undefined), param);
      case 'pipe':
        return this.validate(this.evalPipeline(dot, arg), param);
      case 'identifier':
        return this.validate(this.evalFunction(dot, arg, arg, [], undefined), param);
      case 'chain':
        return this.validate(this.evalFields(this.evalArg(dot, 'any', arg.node), arg, arg.fields, [arg], undefined), param);
    }
    return this.literal(arg, param);
  }

  private literal(arg: Extract<ArgNode, { kind: 'bool' | 'number' | 'string' }>, param: ParamType): GoValue {
    if (param === 'any') return arg.kind === 'number' ? this.idealConstant(arg) : arg.kind === 'bool' ? { type: 'bool', v: arg.value } : goString(arg.text);
    if (arg.kind === 'string') return goString(arg.text);
    return this.fail(`expected string; found ${nodeText(arg)}`);
  }

  private idealConstant(n: Extract<ArgNode, { kind: 'number' }>): GoValue {
    const hexInt = /^0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    if (n.isFloat && !hexInt && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) return goFloat(n.float);
    if (n.isInt) return goInt(n.int);
    return this.fail(`${n.text} overflows int`);
  }

  private validate(value: GoValue, param: ParamType): GoValue {
    if (param === 'any' || value.type === param) return value;
    return this.fail(`wrong type for value; expected ${param}; got ${goTypeName(value)}`);
  }

  private notAFunction(args: readonly ArgNode[], final: GoValue | undefined): void {
    if (args.length > 1 || final !== undefined) this.fail(`can't give argument to non-function ${nodeText(args[0] as ArgNode)}`);
  }

  private fail(message: string): never {
    const node = this.node;
    if (node === undefined) throw new TemplateExecError(`template: ${this.name}: ${message}`);
    const before = this.text.slice(0, node.pos);
    const newline = before.lastIndexOf('\n');
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = newline < 0 ? node.pos : node.pos - newline - 1;
    throw new TemplateExecError(`template: ${this.name}:${line}:${col}: executing ${JSON.stringify(this.name)} at <${nodeText(node)}>: ${message}`);
  }
}
