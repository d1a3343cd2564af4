import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';

/**
 * Repositories own all SQL: outside a repository (`*.repository.ts`) and the database layer itself
 * (src/database: connection, transactions, migrations, the statement runner), no code calls
 * TypeORM's EntityManager or a query builder, runs a query, or holds SQL text. Services and
 * effects receive repositories and hold rules only.
 */

const ROOT = process.cwd();

/** SQL text: the statements' own keywords, in capitals as the code writes SQL (Swedish prose never does). */
const SQL_TEXT =
  /\b(SELECT\s+(\*|DISTINCT|[\w"(]+\s*(,|\bFROM\b|\bAS\b))|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+"?\w+"?\s+SET|CREATE\s+(UNIQUE\s+)?INDEX)\b/;

/** Methods that reach the database other than through a repository, whatever they are called on. */
const DATABASE_METHODS = new Map([
  ['query', 'a query'],
  ['createQueryBuilder', 'a query builder'],
  ['getRepository', 'getRepository'],
]);

function typeScriptFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function mayHoldSql(file: string): boolean {
  return file.endsWith('.repository.ts') || file.startsWith('src/database/');
}

/** What the source does that only a repository may: `manager.`, a query, a query builder, SQL text. */
function offencesIn(source: string): string[] {
  const file = ts.createSourceFile('checked.ts', source, ts.ScriptTarget.Latest, true);
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const target = node.expression;
      const named = ts.isIdentifier(target)
        ? target.text
        : ts.isPropertyAccessExpression(target)
          ? target.name.text
          : '';
      if (named === 'manager') found.add('manager.');
      const method = DATABASE_METHODS.get(node.name.text);
      if (method && ts.isCallExpression(node.parent) && node.parent.expression === node) found.add(method);
    }
    if (ts.isIdentifier(node) && node.text === 'InjectRepository') found.add('an injected TypeORM repository');
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      SQL_TEXT.test(node.text)
    )
      found.add('SQL text');
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...found];
}

function offences(file: string): string[] {
  return offencesIn(readFileSync(join(ROOT, file), 'utf8'));
}

const FILES = typeScriptFiles('src').filter((file) => !mayHoldSql(file));

describe('repositories own all SQL', () => {
  it('finds no database call and no SQL text outside a repository', () => {
    const found = FILES.map((file) => ({ file, offences: offences(file) })).filter(
      ({ offences }) => offences.length > 0,
    );
    expect(found).toEqual([]);
  });

  it('would find each kind of offence', () => {
    const offending = [
      'await manager.find(CaseRecord, { where: { id } });',
      "dataSource.getRepository(Alert).createQueryBuilder('a').getMany();",
      "await dataSource.query('SELECT 1');",
      'const text = `SELECT id FROM "cases" WHERE court = $1`;',
      'const text = \'UPDATE "deadlines" SET status = $1\';',
    ];
    const innocent = ['// manager.find(CaseRecord) in a comment', "const message = 'Välj (SELECT) ett ärende';"];
    const check = offencesIn;
    expect(offending.map((source) => check(source).length > 0)).toEqual(offending.map(() => true));
    expect(innocent.map(check)).toEqual(innocent.map(() => []));
  });
});
