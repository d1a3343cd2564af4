import type { DataSource, EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';
import { PreparedStatements } from './prepared-statements.js';

type ColumnMetadata = EntityMetadata['columns'][number];
type Key<E> = keyof E & string;

/**
 * A condition of a statement's WHERE: a column equal to its value, in a list of values, null, at
 * most its value, or other than its value.
 */
export type Condition<E> = Key<E> | { in: Key<E> } | { isNull: Key<E> } | { atMost: Key<E> } | { not: Key<E> };

/** The column and operator of a condition that compares a column with one value; none for IN and IS NULL. */
function comparison<E>(condition: Condition<E>): [Key<E>, '=' | '<=' | '<>'] | undefined {
  if (typeof condition === 'string') return [condition, '='];
  if ('atMost' in condition) return [condition.atMost, '<='];
  if ('not' in condition) return [condition.not, '<>'];
  return undefined;
}

/** The column types PostgreSQL's JSON gives as node-postgres reads them (no dates, no 64-bit integers, no numerics). */
const JSON_AS_DRIVER = new Set([
  'character varying',
  'varchar',
  'text',
  'uuid',
  'integer',
  'int',
  'int4',
  'smallint',
  'int2',
  'boolean',
  'bool',
]);

/** The name under which a parent row carries its children's JSON. */
const CHILDREN = 'table_statements_children';

export interface SelectShape<E> {
  where: Condition<E>[];
  /** The columns to read; every column by default. */
  columns?: Key<E>[];
  orderBy?: [Key<E>, 'ASC' | 'DESC'][];
  limit?: number;
  /**
   * Rows another transaction holds are passed over, and those read are held to the commit
   * (PostgreSQL's FOR UPDATE SKIP LOCKED; SQLite runs one transaction at a time, so none is held).
   */
  skipLocked?: boolean;
}

export interface UpdateShape<E> {
  set: Key<E>[];
  where: Condition<E>[];
}

/**
 * An entity's statements on the command path, written once from TypeORM's metadata and run as
 * plain SQL in the caller's transaction. Building a query and mapping its rows costs TypeORM about
 * ten times what the database takes to answer it (a case row by id: 170 µs against 13 µs), and a
 * change runs a dozen of them. Values pass through the driver's own conversions both ways, so a
 * row read here is the row `find` would give, on either database.
 */
export class TableStatements<E extends ObjectLiteral> {
  private static readonly byDataSource = new WeakMap<DataSource, Map<unknown, TableStatements<ObjectLiteral>>>();

  private readonly metadata: EntityMetadata;
  private readonly prepared: PreparedStatements;
  private readonly columns = new Map<string, ColumnMetadata>();
  /** What an insert writes: every column but a generated key. */
  private readonly insertColumns: ColumnMetadata[];
  /** A select shape's columns and the part of its text's key that no value changes, worked out once per shape (shapes are constants). */
  private readonly selects = new WeakMap<SelectShape<E>, { columns: ColumnMetadata[]; key: string }>();
  private readonly keyShapes = new Map<string, SelectShape<E>>();
  private jsonReadable: ColumnMetadata[] | undefined;
  /** SQL text by shape: the text of an IN list depends on its length. */
  private readonly texts = new Map<string, string>();

  private constructor(
    private readonly dataSource: DataSource,
    entity: new () => E,
  ) {
    this.metadata = dataSource.getMetadata(entity);
    this.prepared = PreparedStatements.of(dataSource);
    for (const column of this.metadata.columns) this.columns.set(column.propertyName, column);
    this.insertColumns = this.metadata.columns.filter((column) => !column.isGenerated);
  }

  static of<E extends ObjectLiteral>(dataSource: DataSource, entity: new () => E): TableStatements<E> {
    let tables = TableStatements.byDataSource.get(dataSource);
    if (!tables)
      TableStatements.byDataSource.set(dataSource, (tables = new Map<unknown, TableStatements<ObjectLiteral>>()));
    let table = tables.get(entity);
    if (!table)
      tables.set(
        entity,
        (table = new TableStatements(dataSource, entity) as unknown as TableStatements<ObjectLiteral>),
      );
    return table as unknown as TableStatements<E>;
  }

  /** The rows matching `values`, given in the order of `shape.where` (an array for an IN condition). */
  async select(manager: EntityManager, shape: SelectShape<E>, values: unknown[]): Promise<E[]> {
    const { columns, key } = this.compiled(shape);
    const { where, parameters } = this.where(shape.where, values);
    const text = this.text(`${key} ${where.shape}`, () => this.selectText(shape, columns, where.text));
    const { records } = await this.run(manager, text, parameters);
    return records.map((raw) => this.hydrated(raw, columns));
  }

  /**
   * The rows matching `values` (as `select`), each with the rows of `children` whose `childKey`
   * equals its `key`. PostgreSQL answers both in one statement, the children aggregated as JSON,
   * which saves a round trip; so their columns must be of types JSON carries as the driver reads
   * them (text, integers that fit a number, booleans). SQLite, whose statements cost no round
   * trip, answers in two.
   */
  async selectWithChildren<C extends ObjectLiteral>(
    manager: EntityManager,
    shape: SelectShape<E>,
    values: unknown[],
    key: Key<E>,
    children: TableStatements<C>,
    childKey: Key<C>,
  ): Promise<[E, C[]][]> {
    // Checked on SQLite too, so a child table that PostgreSQL could not aggregate fails wherever it is first tried.
    const childColumns = children.jsonColumns();
    if (this.dataSource.options.type !== 'postgres') {
      const rows = await this.select(manager, shape, values);
      const byKey = children.keyShape(childKey);
      return Promise.all(
        rows.map(async (row): Promise<[E, C[]]> => [row, await children.select(manager, byKey, [row[key]])]),
      );
    }
    const { columns, key: shapeKey } = this.compiled(shape);
    const { where, parameters } = this.where(shape.where, values);
    const text = this.text(
      `${shapeKey} ${where.shape} with ${children.metadata.tableName}.${childKey} on ${key}`,
      () => {
        const aggregated =
          `(SELECT coalesce(json_agg(child), '[]'::json) FROM ${children.table()} child ` +
          `WHERE child.${children.name(childKey)} = ${this.table()}.${this.name(key)}) AS ${this.escape(CHILDREN)}`;
        return this.selectText(shape, columns, where.text, aggregated);
      },
    );
    const { records } = await this.run(manager, text, parameters);
    return records.map((raw) => [
      this.hydrated(raw, columns),
      (raw[CHILDREN] as Record<string, unknown>[]).map((child) => children.hydrated(child, childColumns)),
    ]);
  }

  /** Inserts the rows in one statement; every column but a generated key must be given (null for none). */
  async insert(manager: EntityManager, rows: Partial<E>[]): Promise<void> {
    await this.insertRows(manager, rows, false);
  }

  /**
   * Inserts those of the rows whose key no row has yet, and says how many it inserted: a claim
   * that several processes may make at once, exactly one winning (ON CONFLICT DO NOTHING; on
   * PostgreSQL a claim made while another holds the key uncommitted waits for its outcome).
   */
  insertIfAbsent(manager: EntityManager, rows: Partial<E>[]): Promise<number> {
    return this.insertRows(manager, rows, true);
  }

  private async insertRows(manager: EntityManager, rows: Partial<E>[], ifAbsent: boolean): Promise<number> {
    if (rows.length === 0) return 0;
    const columns = this.insertColumns;
    const text = this.text(`insert ${rows.length} ${ifAbsent}`, () => {
      let index = 0;
      const tuples = rows.map(() => `(${columns.map(() => this.placeholder(index++)).join(', ')})`);
      const onConflict = ifAbsent ? ' ON CONFLICT DO NOTHING' : '';
      return `INSERT INTO ${this.table()} (${this.columnList(columns)}) VALUES ${tuples.join(', ')}${onConflict}`;
    });
    return (await this.run(manager, text, this.insertParameters(rows))).affected;
  }

  /** Sets the `shape.set` columns of the matching rows; returns how many rows it changed. */
  async update(
    manager: EntityManager,
    shape: UpdateShape<E>,
    setValues: unknown[],
    whereValues: unknown[],
  ): Promise<number> {
    const { text, parameters } = this.updateStatement(shape, setValues, whereValues);
    return (await this.run(manager, text, parameters)).affected;
  }

  /**
   * As `update`, then `row` inserted into `into` for the row it changed, none when it changed none
   * (a versioned update that lost a race): on PostgreSQL in one statement, the insert reading the
   * update's RETURNING, which saves a round trip; on SQLite, whose statements cost none, in two.
   * Returns how many rows the update changed.
   */
  async updateThenInsert<R extends ObjectLiteral>(
    manager: EntityManager,
    shape: UpdateShape<E>,
    setValues: unknown[],
    whereValues: unknown[],
    into: TableStatements<R>,
    row: Partial<R>,
  ): Promise<number> {
    if (this.dataSource.options.type !== 'postgres') {
      const affected = await this.update(manager, shape, setValues, whereValues);
      if (affected > 0) await into.insert(manager, [row]);
      return affected;
    }
    const update = this.updateStatement(shape, setValues, whereValues);
    const columns = into.insertColumns;
    const text = this.text(`${update.key} then insert ${into.metadata.tableName}`, () => {
      const values = columns.map((_, i) => this.placeholder(update.parameters.length + i)).join(', ');
      return `WITH changed AS (${update.text} RETURNING 1) INSERT INTO ${into.table()} (${into.columnList(columns)}) SELECT ${values} FROM changed`;
    });
    return (await this.run(manager, text, [...update.parameters, ...into.insertParameters([row])])).affected;
  }

  /** An insert's values, row by row in the order of `insertColumns`. */
  private insertParameters(rows: Partial<E>[]): unknown[] {
    return rows.flatMap((row) =>
      this.insertColumns.map((column) => this.persistent(column, row[column.propertyName as Key<E>])),
    );
  }

  private updateStatement(
    shape: UpdateShape<E>,
    setValues: unknown[],
    whereValues: unknown[],
  ): { key: string; text: string; parameters: unknown[] } {
    const set = shape.set.map((key) => this.column(key));
    const assigned = set.map((column, i) => this.persistent(column, setValues[i]));
    const { where, parameters } = this.where(shape.where, whereValues, assigned.length);
    const key = `update ${shape.set.join(',')} ${where.shape}`;
    const text = this.text(key, () => {
      const assignments = set
        .map((column, i) => `${this.escape(column.databaseName)} = ${this.placeholder(i)}`)
        .join(', ');
      return `UPDATE ${this.table()} SET ${assignments}${where.text}`;
    });
    return { key, text, parameters: [...assigned, ...parameters] };
  }

  private selectText(shape: SelectShape<E>, columns: ColumnMetadata[], where: string, extraColumn?: string): string {
    const order = shape.orderBy?.length
      ? ` ORDER BY ${shape.orderBy.map(([key, direction]) => `${this.name(key)} ${direction}`).join(', ')}`
      : '';
    const limit = shape.limit === undefined ? '' : ` LIMIT ${shape.limit}`;
    const lock = shape.skipLocked && this.dataSource.options.type === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
    const selected = extraColumn ? `${this.columnList(columns)}, ${extraColumn}` : this.columnList(columns);
    return `SELECT ${selected} FROM ${this.table()}${where}${order}${limit}${lock}`;
  }

  private hydrated(raw: Record<string, unknown>, columns: ColumnMetadata[]): E {
    const driver = this.dataSource.driver;
    const row = this.metadata.create() as E;
    for (const column of columns)
      (row as Record<string, unknown>)[column.propertyName] = driver.prepareHydratedValue(
        raw[column.databaseName],
        column,
      );
    return row;
  }

  /** The shape of this table's rows by one column's value, one constant per column (shapes are cached by identity). */
  private keyShape(key: Key<E>): SelectShape<E> {
    let shape = this.keyShapes.get(key);
    if (!shape) this.keyShapes.set(key, (shape = { where: [key] }));
    return shape;
  }

  /** Every column, once checked to read the same from JSON as from the driver (see selectWithChildren). */
  private jsonColumns(): ColumnMetadata[] {
    if (!this.jsonReadable) {
      const unfit = this.metadata.columns.filter(
        (column) => !JSON_AS_DRIVER.has(this.dataSource.driver.normalizeType(column)),
      );
      if (unfit.length > 0)
        throw new Error(
          `${this.metadata.tableName}: ${unfit.map((c) => c.propertyName).join(', ')} cannot be read back from JSON as the driver reads them`,
        );
      this.jsonReadable = this.metadata.columns;
    }
    return this.jsonReadable;
  }

  private compiled(shape: SelectShape<E>): { columns: ColumnMetadata[]; key: string } {
    let compiled = this.selects.get(shape);
    if (!compiled) {
      const columns = (shape.columns ?? [...this.columns.keys()]).map((key) => this.column(key));
      compiled = {
        columns,
        key: `select ${columns.map((c) => c.propertyName).join(',')} ${JSON.stringify(shape.orderBy)} ${shape.limit} ${shape.skipLocked}`,
      };
      this.selects.set(shape, compiled);
    }
    return compiled;
  }

  private where(
    conditions: Condition<E>[],
    values: unknown[],
    firstIndex = 0,
  ): { where: { shape: string; text: string }; parameters: unknown[] } {
    const parameters: unknown[] = [];
    const clauses: string[] = [];
    const shape: string[] = [];
    conditions.forEach((condition, i) => {
      const compared = comparison(condition);
      if (compared) {
        const [key, operator] = compared;
        parameters.push(this.persistent(this.column(key), values[i]));
        clauses.push(`${this.name(key)} ${operator} ${this.placeholder(firstIndex + parameters.length - 1)}`);
        shape.push(`${key} ${operator}`);
      } else if (typeof condition === 'object' && 'in' in condition) {
        const list = values[i] as unknown[];
        const column = this.column(condition.in);
        const placeholders = list.map((value) => {
          parameters.push(this.persistent(column, value));
          return this.placeholder(firstIndex + parameters.length - 1);
        });
        clauses.push(`${this.name(condition.in)} IN (${placeholders.join(', ')})`);
        shape.push(`${condition.in} in ${list.length}`);
      } else if (typeof condition === 'object' && 'isNull' in condition) {
        clauses.push(`${this.name(condition.isNull)} IS NULL`);
        shape.push(`${condition.isNull} null`);
      }
    });
    return {
      where: { shape: shape.join(','), text: clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : '' },
      parameters,
    };
  }

  private text(shape: string, build: () => string): string {
    let text = this.texts.get(shape);
    if (text === undefined) this.texts.set(shape, (text = build()));
    return text;
  }

  /** On the connection of the caller's transaction. */
  private run(manager: EntityManager, text: string, parameters: unknown[]) {
    if (!manager.queryRunner) throw new Error(`${this.metadata.tableName}: table statements run inside a transaction`);
    return this.prepared.run(manager.queryRunner, text, parameters);
  }

  private column(key: string): ColumnMetadata {
    const column = this.columns.get(key);
    if (!column) throw new Error(`${this.metadata.tableName} has no column ${key}`);
    return column;
  }

  private persistent(column: ColumnMetadata, value: unknown): unknown {
    return value === undefined || value === null ? null : this.dataSource.driver.preparePersistentValue(value, column);
  }

  private name(key: string): string {
    return this.escape(this.column(key).databaseName);
  }

  private table(): string {
    return this.metadata.tablePath
      .split('.')
      .map((part) => this.escape(part))
      .join('.');
  }

  private columnList(columns: ColumnMetadata[]): string {
    return columns.map((c) => this.escape(c.databaseName)).join(', ');
  }

  private escape(name: string): string {
    return this.dataSource.driver.escape(name);
  }

  private placeholder(index: number): string {
    return this.dataSource.driver.createParameter(`p${index}`, index);
  }
}
