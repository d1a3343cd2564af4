import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig, DatabaseConfig } from '../config/app-config.js';
import { RoutineAsLived1763900002750 } from './migrations/1763900002750-routine-as-lived.js';
import { CreateCaseTables1763900000000 } from './migrations/1763900000000-create-case-tables.js';
import { CreateAlerts1763900000100 } from './migrations/1763900000100-create-alerts.js';
import { ProtectPersonalData1763900000200 } from './migrations/1763900000200-protect-personal-data.js';
import { CreateRoutineTables1763900000300 } from './migrations/1763900000300-create-routine-tables.js';
import { AddResponsibleSecretary1763900000400 } from './migrations/1763900000400-add-responsible-secretary.js';
import { AddCaseFacts1763900000500 } from './migrations/1763900000500-add-case-facts.js';
import { CreateNotifications1763900001700 } from './migrations/1763900001700-create-notifications.js';
import { AddLetterParties1763900001200 } from './migrations/1763900001200-add-letter-parties.js';
import { CreateCalendarTokens1763900001400 } from './migrations/1763900001400-create-calendar-tokens.js';
import { IndexCaseLists1763900001300 } from './migrations/1763900001300-index-case-lists.js';
import { KeyAuditChain1763900001500 } from './migrations/1763900001500-key-audit-chain.js';
import { IndexStaleMachineVersions1763900002000 } from './migrations/1763900002000-index-stale-machine-versions.js';
import { ReadAuditHeadUnderLock1763900002100 } from './migrations/1763900002100-read-audit-head-under-lock.js';
import { OneCorrectionPerEntry1763900002200 } from './migrations/1763900002200-one-correction-per-entry.js';
import { AnchorAuditHead1763900002300 } from './migrations/1763900002300-anchor-audit-head.js';
import { CreateSignInTables1763900002400 } from './migrations/1763900002400-create-sign-in-tables.js';
import { AddSupporterAddress1763900003500 } from './migrations/1763900003500-add-supporter-address.js';
import { IndexDuplicateCheck1763900003600 } from './migrations/1763900003600-index-duplicate-check.js';
import { CompensationExports1763900003700 } from './migrations/1763900003700-compensation-exports.js';
import { AddIdempotencyKeys1763900003770 } from './migrations/1763900003770-add-idempotency-keys.js';

export const MIGRATIONS = [
  CreateCaseTables1763900000000,
  CreateAlerts1763900000100,
  ProtectPersonalData1763900000200,
  CreateRoutineTables1763900000300,
  AddResponsibleSecretary1763900000400,
  AddCaseFacts1763900000500,
  AddLetterParties1763900001200,
  IndexCaseLists1763900001300,
  CreateCalendarTokens1763900001400,
  KeyAuditChain1763900001500,
  CreateNotifications1763900001700,
  IndexStaleMachineVersions1763900002000,
  ReadAuditHeadUnderLock1763900002100,
  OneCorrectionPerEntry1763900002200,
  AnchorAuditHead1763900002300,
  CreateSignInTables1763900002400,
  RoutineAsLived1763900002750,
  AddSupporterAddress1763900003500,
  IndexDuplicateCheck1763900003600,
  CompensationExports1763900003700,
  AddIdempotencyKeys1763900003770,
];

/** The service's pool and timeouts on PostgreSQL; the command-line tools run without them. */
export type PostgresSettings = AppConfig['postgres'];

/**
 * How to reach the database: one place, used by the app and by the migration CLI (ormconfig.ts).
 * No entities: each feature module registers its own (the app loads them from there), and the
 * processes outside the app take the whole list from src/entities.ts.
 */
export function dataSourceOptions(database: DatabaseConfig, postgres?: PostgresSettings): DataSourceOptions {
  const common = { migrations: MIGRATIONS, migrationsRun: true, synchronize: false } as const;
  if (database.type === 'postgres') {
    if (!postgres) return { ...common, type: 'postgres', url: database.url };
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      poolSize: postgres.poolSize,
      connectTimeoutMS: postgres.connectTimeoutMs,
      // Sent as options at connection start: every session of the pool has them, no round trip per use.
      extra: {
        statement_timeout: postgres.statementTimeoutMs,
        idle_in_transaction_session_timeout: postgres.idleInTransactionTimeoutMs,
      },
    };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    enableWAL: true,
    timeout: 5000,
    // An acknowledged change is never lost: every commit reaches the disk before the answer goes out.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma(database.syncEachCommit === false ? 'synchronous = OFF' : 'synchronous = FULL');
      // Deleted rows (disposal, gallring) are overwritten, not just unlinked.
      db.pragma('secure_delete = ON');
    },
  };
}
