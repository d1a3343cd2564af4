import type { QueryRunner, TableColumnOptions } from 'typeorm';

/** Column shapes that mean the same on SQLite and PostgreSQL, for the migrations. */
export function portableColumns(queryRunner: QueryRunner) {
  const postgres = queryRunner.connection.driver.options.type === 'postgres';
  // PostgreSQL keeps instants with their zone; SQLite has one datetime type (TypeORM writes UTC).
  const instant = postgres ? 'timestamptz' : 'datetime';
  const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  });
  return {
    postgres,
    id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36' }),
    text,
    at: (name: string, nullable = false): TableColumnOptions => ({ name, type: instant, isNullable: nullable }),
    int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable }),
  };
}
