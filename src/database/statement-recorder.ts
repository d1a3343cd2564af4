import type { DataSource, Logger } from 'typeorm';

/** One SQL statement as the driver ran it. */
export interface RecordedStatement {
  sql: string;
  parameters: readonly unknown[];
}

const OPENS_TRANSACTION = /^(BEGIN|START) TRANSACTION/i;
/** A unit of work inside a SQLite commit group (see TransactionRunner): a savepoint one level down. */
const OPENS_UNIT = /^SAVEPOINT typeorm_1$/;
const READ = /^SELECT\b/i;
/** Every table a read names, its subqueries' included (a case read with its parties reads both). */
const FROM_TABLE = /\bFROM\s+"?(\w+)"?/gi;

/** What a stretch of work cost the database: for the benchmark's figures and the one-pass tests. */
export interface StatementSummary {
  statements: number;
  /** Database transactions begun (on SQLite a commit group). */
  transactions: number;
  /** Units of work (TransactionRunner.run calls): transactions on PostgreSQL, savepoints in a SQLite group. */
  units: number;
  /** How many statements read each table (SELECT … FROM table, in a subquery too). */
  readsByTable: Record<string, number>;
  /** Reads run more than once with the same parameters: a row read twice. */
  repeatedReads: string[];
}

export function summarize(statements: readonly RecordedStatement[]): StatementSummary {
  const transactions = statements.filter((s) => OPENS_TRANSACTION.test(s.sql)).length;
  const savepoints = statements.filter((s) => OPENS_UNIT.test(s.sql)).length;
  const readsByTable: Record<string, number> = {};
  const timesRead = new Map<string, number>();
  for (const { sql, parameters } of statements) {
    if (!READ.test(sql)) continue;
    for (const table of new Set(Array.from(sql.matchAll(FROM_TABLE), (match) => match[1])))
      readsByTable[table] = (readsByTable[table] ?? 0) + 1;
    const read = `${sql} ${JSON.stringify(parameters)}`;
    timesRead.set(read, (timesRead.get(read) ?? 0) + 1);
  }
  const repeatedReads = [...timesRead].filter(([, times]) => times > 1).map(([read]) => read);
  return {
    statements: statements.length,
    transactions,
    units: savepoints > 0 ? savepoints : transactions,
    readsByTable,
    repeatedReads,
  };
}

/**
 * Records every statement the data source runs while `work` runs, by standing in for its logger
 * (which TypeORM calls for every statement whatever the logging settings) and handing each call
 * on to the logger it replaced. Not for production: a measuring instrument.
 */
export async function recordStatements<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<{ result: T; statements: RecordedStatement[] }> {
  const statements: RecordedStatement[] = [];
  const original = dataSource.logger;
  const recorder: Logger = {
    logQuery: (sql, parameters, runner) => {
      statements.push({ sql, parameters: Array.isArray(parameters) ? parameters : [] });
      original.logQuery(sql, parameters, runner);
    },
    logQueryError: (error, sql, parameters, runner) => {
      original.logQueryError(error, sql, parameters, runner);
    },
    logQuerySlow: (time, sql, parameters, runner) => {
      original.logQuerySlow(time, sql, parameters, runner);
    },
    logSchemaBuild: (message, runner) => {
      original.logSchemaBuild(message, runner);
    },
    logMigration: (message, runner) => {
      original.logMigration(message, runner);
    },
    log: (level, message, runner) => {
      original.log(level, message, runner);
    },
  };
  dataSource.logger = recorder;
  try {
    return { result: await work(), statements };
  } finally {
    dataSource.logger = original;
  }
}
