import { QueryFailedError, type DataSource, type QueryRunner } from 'typeorm';

/** What a statement gave back: its rows (a read), or how many rows it changed (a write). */
export interface StatementResult {
  records: Record<string, unknown>[];
  affected: number;
}

interface SqliteStatement {
  reader: boolean;
  all(...values: unknown[]): Record<string, unknown>[];
  run(...values: unknown[]): { changes: number };
}

interface SqliteConnection {
  prepare(text: string): SqliteStatement;
}

interface PostgresConnection {
  query(config: {
    name: string;
    text: string;
    values: unknown[];
  }): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
}

/**
 * Runs statements of fixed text on the connection of the caller's transaction, each prepared
 * once: on SQLite a better-sqlite3 statement kept as long as its connection (there is one per data
 * source), on PostgreSQL a named statement the server parses and plans once per connection.
 * TypeORM's own runner would build a new query result, broadcast events and, on PostgreSQL, have
 * the server parse every statement again. Statements still go to the data source's logger, so they
 * are logged and counted like TypeORM's, and a failure is TypeORM's QueryFailedError.
 */
export class PreparedStatements {
  private static readonly byDataSource = new WeakMap<DataSource, PreparedStatements>();

  private readonly postgres: boolean;
  private readonly sqlite = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();
  private readonly names = new Map<string, string>();

  private constructor(private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  static of(dataSource: DataSource): PreparedStatements {
    let statements = PreparedStatements.byDataSource.get(dataSource);
    if (!statements) PreparedStatements.byDataSource.set(dataSource, (statements = new PreparedStatements(dataSource)));
    return statements;
  }

  async run(runner: QueryRunner, text: string, parameters: unknown[]): Promise<StatementResult> {
    const connection: unknown = await runner.connect();
    this.dataSource.logger.logQuery(text, parameters, runner);
    try {
      return this.postgres
        ? await this.onPostgres(connection as PostgresConnection, text, parameters)
        : this.onSqlite(connection as SqliteConnection, text, parameters);
    } catch (error) {
      this.dataSource.logger.logQueryError(error as Error, text, parameters, runner);
      throw new QueryFailedError(text, parameters, error as Error);
    }
  }

  private async onPostgres(connection: PostgresConnection, text: string, values: unknown[]): Promise<StatementResult> {
    let name = this.names.get(text);
    if (name === undefined) this.names.set(text, (name = `table_statement_${this.names.size + 1}`));
    const { rows, rowCount } = await connection.query({ name, text, values });
    return { records: rows, affected: rowCount ?? 0 };
  }

  private onSqlite(connection: SqliteConnection, text: string, parameters: unknown[]): StatementResult {
    let statements = this.sqlite.get(connection);
    if (!statements) this.sqlite.set(connection, (statements = new Map<string, SqliteStatement>()));
    let statement = statements.get(text);
    if (statement === undefined) statements.set(text, (statement = connection.prepare(text)));
    // better-sqlite3 binds no booleans.
    const values = parameters.map((value) => (typeof value === 'boolean' ? Number(value) : value));
    if (statement.reader) return { records: statement.all(...values), affected: 0 };
    return { records: [], affected: statement.run(...values).changes };
  }
}
