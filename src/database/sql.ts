import type { DataSource, EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';
import { PreparedStatements, type StatementResult } from './prepared-statements.js';

type ColumnMetadata = EntityMetadata['columns'][number];

export type Dialect = 'postgres' | 'sqlite';

/**
 * One statement's literal text in each dialect it runs on: `$1…` on PostgreSQL, `?` in order on
 * SQLite. A statement that only one dialect runs (PostgreSQL's one-round-trip forms) has one text.
 */
export type Sql = { postgres: string; sqlite: string } | { postgres: string } | { sqlite: string };

export function dialectOf(manager: EntityManager): Dialect {
  return manager.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * Runs a repository's statement in the caller's transaction, prepared once per connection (see
 * PreparedStatements): its text never depends on a value, so each statement is parsed and planned
 * once however long its lists are.
 */
export function run(manager: EntityManager, statement: Sql, parameters: unknown[]): Promise<StatementResult> {
  if (!manager.queryRunner) throw new Error('a repository statement runs inside a transaction');
  const dialect = dialectOf(manager);
  const text = (statement as Partial<Record<Dialect, string>>)[dialect];
  if (text === undefined) throw new Error(`a statement without its ${dialect} text`);
  return PreparedStatements.of(manager.connection).run(manager.queryRunner, text, parameters);
}

/**
 * A list as one parameter: an array PostgreSQL reads with `= ANY($1)`, a JSON array SQLite reads
 * with `IN (SELECT value FROM json_each(?))`. Only strings: a list of ids, kinds or states.
 */
export function listParameter(manager: EntityManager, values: readonly string[]): unknown {
  return dialectOf(manager) === 'postgres' ? values : JSON.stringify(values);
}

/**
 * Turns an entity's rows as the driver reads them into entities, and its values into what the
 * driver writes, through the driver's own conversions (dates, JSON, booleans): a row read with
 * literal SQL is the row TypeORM's `find` would give, on either database. Built once per entity
 * from its metadata.
 */
export class RowMapper<E extends ObjectLiteral> {
  private static readonly byDataSource = new WeakMap<DataSource, Map<unknown, RowMapper<ObjectLiteral>>>();

  private readonly metadata: EntityMetadata;
  private readonly byProperty = new Map<string, ColumnMetadata>();

  private constructor(
    private readonly dataSource: DataSource,
    entity: new () => E,
  ) {
    this.metadata = dataSource.getMetadata(entity);
    for (const column of this.metadata.columns) this.byProperty.set(column.propertyName, column);
  }

  static of<E extends ObjectLiteral>(manager: EntityManager, entity: new () => E): RowMapper<E> {
    const dataSource = manager.connection;
    let mappers = RowMapper.byDataSource.get(dataSource);
    if (!mappers) RowMapper.byDataSource.set(dataSource, (mappers = new Map<unknown, RowMapper<ObjectLiteral>>()));
    let mapper = mappers.get(entity);
    if (!mapper)
      mappers.set(entity, (mapper = new RowMapper(dataSource, entity) as unknown as RowMapper<ObjectLiteral>));
    return mapper as unknown as RowMapper<E>;
  }

  /** The entity of a row read by column name; columns the statement did not select stay unset. */
  entity(raw: Record<string, unknown>): E {
    const driver = this.dataSource.driver;
    const row = this.metadata.create() as Record<string, unknown>;
    for (const column of this.metadata.columns) {
      const value = raw[column.databaseName];
      if (value !== undefined) row[column.propertyName] = driver.prepareHydratedValue(value, column);
    }
    return row as E;
  }

  entities(raws: Record<string, unknown>[]): E[] {
    return raws.map((raw) => this.entity(raw));
  }

  /** A value of the property as the driver writes it (null for none). */
  value(property: keyof E & string, value: unknown): unknown {
    if (value === undefined || value === null) return null;
    return this.dataSource.driver.preparePersistentValue(value, this.column(property));
  }

  private column(property: string): ColumnMetadata {
    const column = this.byProperty.get(property);
    if (!column) throw new Error(`${this.metadata.tableName} has no column ${property}`);
    return column;
  }

  /**
   * Rows as one parameter, a JSON array of objects by column name, for an insert of any number of
   * rows in one statement of fixed text: PostgreSQL reads it with `json_populate_recordset`, SQLite
   * with `json_each` (`value ->> 'column'`). Values as the driver writes them; PostgreSQL's dates as
   * ISO instants, which its timestamptz columns read exactly.
   */
  json(rows: readonly Partial<E>[], properties: readonly (keyof E & string)[]): string {
    return JSON.stringify(
      rows.map((row) => {
        const record: Record<string, unknown> = {};
        for (const property of properties)
          record[this.column(property).databaseName] = this.value(property, row[property]);
        return record;
      }),
    );
  }

  /** The row's values of these properties, in their order: an insert's parameters. */
  values(row: Partial<E>, properties: readonly (keyof E & string)[]): unknown[] {
    return properties.map((property) => this.value(property, row[property]));
  }
}
