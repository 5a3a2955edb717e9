import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Inside `this.ds.transaction(async (m) => …)` every statement must go through `m`. A statement sent through the
 * DataSource instead takes another connection: on PostgreSQL it does not see the transaction's own writes, and
 * on the embedded database (PGlite, one backend serving one transaction at a time) it waits for the transaction
 * that waits for it, and every later request hangs (issue 10 §2, amendMeeting). This test reads the sources and
 * fails on:
 *  - `this.ds` used inside a transaction callback;
 *  - a call, inside a transaction callback, to a method of this service or of an injected one that reaches
 *    `this.ds` (directly or through other methods) when the call does not hand it the manager: a method taking
 *    `m: EntityManager = this.ds.manager` is fine when the call passes that argument.
 * A call that is deliberately outside the transaction is marked with a comment `tx-outside: <why>` on its line.
 */
const SRC = join(__dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : f.endsWith('.ts') && !f.endsWith('.spec.ts') ? [p] : [];
  });

type MethodInfo = {
  cls: string;
  name: string;
  node: ts.MethodDeclaration;
  file: ts.SourceFile;
  managerParam: number | null;
  direct: boolean;
  unsafe: boolean;
};
type ClassInfo = { name: string; fields: Map<string, string>; methods: Map<string, MethodInfo> };

const isThisDs = (n: ts.Node): boolean =>
  ts.isPropertyAccessExpression(n) && n.expression.kind === ts.SyntaxKind.ThisKeyword && n.name.text === 'ds';

const isTransactionCall = (n: ts.Node): n is ts.CallExpression =>
  ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'transaction';

/** Walks a node's descendants, not entering parameter initialisers (a default `= this.ds.manager` is fine). */
const walk = (node: ts.Node, visit: (n: ts.Node) => void): void => {
  node.forEachChild((c) => {
    if (ts.isParameter(c)) return;
    visit(c);
    walk(c, visit);
  });
};

/** The method a call reaches: `this.x(…)` in the same class or `this.field.x(…)` on an injected service. */
const target = (call: ts.CallExpression, cls: ClassInfo, classes: Map<string, ClassInfo>): MethodInfo | null => {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return null;
  const obj = callee.expression;
  if (obj.kind === ts.SyntaxKind.ThisKeyword) return cls.methods.get(callee.name.text) ?? null;
  if (ts.isPropertyAccessExpression(obj) && obj.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const type = cls.fields.get(obj.name.text);
    return (type && classes.get(type)?.methods.get(callee.name.text)) || null;
  }
  return null;
};

/** A call is safe when the callee never reaches `this.ds`, or when it is handed its manager parameter. */
const callIsUnsafe = (call: ts.CallExpression, m: MethodInfo): boolean =>
  m.unsafe && (m.managerParam === null || call.arguments.length <= m.managerParam);

const load = (): { classes: Map<string, ClassInfo>; methods: MethodInfo[] } => {
  const classes = new Map<string, ClassInfo>();
  const methods: MethodInfo[] = [];
  for (const path of files(SRC)) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    file.forEachChild(function each(node) {
      if (ts.isClassDeclaration(node) && node.name) {
        const info: ClassInfo = { name: node.name.text, fields: new Map(), methods: new Map() };
        for (const member of node.members) {
          if (ts.isConstructorDeclaration(member)) {
            for (const p of member.parameters) {
              if (ts.isIdentifier(p.name) && p.type && ts.isTypeReferenceNode(p.type))
                info.fields.set(p.name.text, p.type.typeName.getText(file));
            }
          }
          if (ts.isMethodDeclaration(member) && member.body && ts.isIdentifier(member.name)) {
            const managerParam = member.parameters.findIndex((p) => p.type?.getText(file) === 'EntityManager');
            let direct = false;
            walk(member.body, (n) => {
              if (isThisDs(n)) direct = true;
            });
            const m: MethodInfo = {
              cls: info.name,
              name: member.name.text,
              node: member,
              file,
              managerParam: managerParam < 0 ? null : managerParam,
              direct,
              unsafe: direct,
            };
            info.methods.set(m.name, m);
            methods.push(m);
          }
        }
        classes.set(info.name, info);
      }
      node.forEachChild(each);
    });
  }
  // Reaching `this.ds` through other methods (called without their manager) makes a method unsafe too.
  for (let changed = true; changed;) {
    changed = false;
    for (const m of methods) {
      if (m.unsafe) continue;
      walk(m.node.body!, (n) => {
        if (!m.unsafe && ts.isCallExpression(n)) {
          const t = target(n, classes.get(m.cls)!, classes);
          if (t && t !== m && callIsUnsafe(n, t)) m.unsafe = changed = true;
        }
      });
    }
  }
  return { classes, methods };
};

export const transactionScopeProblems = (): string[] => {
  const { classes, methods } = load();
  const problems: string[] = [];
  for (const m of methods) {
    const cls = classes.get(m.cls)!;
    walk(m.node.body!, (n) => {
      if (!isTransactionCall(n)) return;
      for (const cb of n.arguments.filter((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a))) {
        walk(cb, (x) => {
          const line = m.file.getLineAndCharacterOfPosition(x.getStart(m.file)).line;
          const text = m.file.text.split('\n')[line] ?? '';
          if (text.includes('tx-outside:')) return;
          const where = `${relative(SRC, m.file.fileName)}:${line + 1} ${m.cls}.${m.name}`;
          if (isThisDs(x)) problems.push(`${where}: this.ds inside a transaction`);
          if (ts.isCallExpression(x)) {
            const t = target(x, cls, classes);
            if (t && callIsUnsafe(x, t))
              problems.push(
                `${where}: calls ${t.cls}.${t.name}, which reads through this.ds, without the transaction's manager`,
              );
          }
        });
      }
    });
  }
  return problems;
};

describe('transactions use their own manager', () => {
  it('finds the transaction callbacks it checks', () => {
    const { methods } = load();
    expect(methods.filter((m) => m.direct).length).toBeGreaterThan(20);
    expect(methods.find((m) => m.cls === 'MeetingWriteService' && m.name === 'amend')).toBeDefined();
  });

  it('no service reaches the DataSource inside a transaction', () => {
    expect(transactionScopeProblems()).toEqual([]);
  });
});
