import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import {
  auditColumnWidths,
  chainedRows,
  GENESIS_HASH,
  verifyChain,
  type ChainHead,
  type NamedHead,
} from './audit-chain.js';
import { AuditIntegrityRepository } from './audit-integrity.repository.js';
import { readTrail } from './audit.repository.js';
import { auditChainKey, HeadFile } from './chain-anchor.js';

const integrity = new AuditIntegrityRepository();

/** The resource of the entry that records an accepted baseline; the reason follows it. */
export const BASELINE_RESOURCE = 'ACCEPT audit baseline';

/** Who accepts the trail's end as its new baseline, and why (a cut found and looked into, a restore from a backup). */
export interface BaselineAcceptance {
  operator: string;
  reason: string;
}

export interface AcceptedBaseline {
  /** The trail's end that was accepted. */
  baseline: ChainHead;
  /** The heads exported before, which the baseline may fall short of. */
  exported: NamedHead[];
  /** The entry that records the acceptance, now the exported head. */
  entry: ChainHead;
}

const CONTROL = /[\p{Cc}\p{Cf}]/u;

function checked({ operator, reason }: BaselineAcceptance): BaselineAcceptance {
  for (const [field, value] of Object.entries({ operator, reason })) {
    if (value.trim() === '' || CONTROL.test(value))
      throw new Error(`${field} must be given, without control characters`);
  }
  return { operator: operator.trim(), reason: reason.trim() };
}

/**
 * Makes the trail's present end its new baseline, deliberately: records in the trail who accepted
 * it, why and which heads had been exported beyond it (the gap), then moves the exported heads
 * (the head file, PostgreSQL's head row) to that entry, so the service appends again. The trail
 * must be whole up to its end: a baseline accepts a cut tail or a restored backup, never a changed
 * entry. On PostgreSQL it takes the owner's role (only the owner may lower the head row).
 */
export async function acceptBaseline(
  dataSource: DataSource,
  config: AppConfig,
  acceptance: BaselineAcceptance,
  now: Date = new Date(),
): Promise<AcceptedBaseline> {
  const { operator, reason } = checked(acceptance);
  const key = auditChainKey(config);
  const chain = await verifyChain(readTrail(dataSource.manager), key);
  if (!chain.intact)
    throw new Error(
      `the trail is broken at entry ${chain.brokenAt} (${chain.reason}): a baseline accepts a cut end, not a changed entry`,
    );
  const postgres = dataSource.options.type === 'postgres';
  const headFile = new HeadFile(config.audit.headPath);
  try {
    const fromFile = headFile.read();
    const accepted = await dataSource.transaction(async (manager) => {
      const baseline = (await integrity.lastEntryUnderLock(manager)) ?? { seq: 0, hash: GENESIS_HASH };
      const exported: NamedHead[] = fromFile ? [{ where: config.audit.headPath, head: fromFile }] : [];
      if (postgres) {
        const row = await integrity.headRow(manager);
        if (row) exported.push({ where: "PostgreSQL's audit_head row", head: row });
        await integrity.lowerHeadRow(manager, baseline);
      }
      const beyond = Math.max(baseline.seq, ...exported.map(({ head }) => head.seq));
      const { rows, head } = chainedRows(
        baseline,
        [
          {
            actorId: operator,
            actorRole: 'operator',
            caseId: null,
            subject: `baseline:${baseline.seq} exported:${beyond}`,
            action: 'write',
            resource: `${BASELINE_RESOURCE}: ${reason}`,
            ip: null,
            allowed: true,
            status: 0,
          },
        ],
        now,
        key,
        auditColumnWidths(dataSource),
      );
      await integrity.append(manager, rows);
      return { baseline, exported, entry: head };
    });
    headFile.replace(accepted.entry);
    return accepted;
  } finally {
    headFile.close();
  }
}

/** An accepted baseline as the trail records it: `audit:verify` names each one. */
export interface RecordedBaseline {
  seq: number;
  at: Date;
  operator: string;
  reason: string;
  /** `baseline:<seq> exported:<seq>`: the end accepted and the highest head exported before it. */
  subject: string;
}

/** The baselines accepted along the trail, read in the walk verify makes of it anyway (no index serves this). */
export async function recordedBaselines(dataSource: DataSource): Promise<RecordedBaseline[]> {
  const found: RecordedBaseline[] = [];
  for await (const entry of readTrail(dataSource.manager)) {
    if (entry.actorRole !== 'operator' || !entry.resource.startsWith(`${BASELINE_RESOURCE}: `)) continue;
    found.push({
      seq: entry.seq,
      at: entry.at,
      operator: entry.actorId ?? '',
      reason: entry.resource.slice(BASELINE_RESOURCE.length + 2),
      subject: entry.subject ?? '',
    });
  }
  return found;
}

/** One line for `audit:verify`: where the trail was carried on from, by whom, why, and the gap it says. */
export function describeBaseline(baseline: RecordedBaseline): string {
  const [, accepted, exported] = /^baseline:(\d+) exported:(\d+)$/.exec(baseline.subject) ?? [];
  const gap =
    Number(exported) > Number(accepted)
      ? `entries ${Number(accepted) + 1}–${exported}, exported before it, are gone`
      : 'no exported entry was lost';
  return `entry ${baseline.seq} (${baseline.at.toISOString()}, ${baseline.operator}): trail carried on from entry ${accepted}, ${baseline.reason}; ${gap}`;
}
