/**
 * What keeps the audit trail append-only and its head from moving back, as the database holds
 * it: the migrations create these, and `npm run audit:verify` compares what it finds with them
 * in full (a trigger of the right name that does nothing is no protection).
 */

/** SQLite: each trigger's statement as sqlite_master keeps it (migration 1763900000200). */
export const SQLITE_TRAIL_TRIGGERS: Record<string, string> = Object.fromEntries(
  ['UPDATE', 'DELETE'].map((operation) => [
    `audit_trail_no_${operation.toLowerCase()}`,
    `CREATE TRIGGER audit_trail_no_${operation.toLowerCase()} BEFORE ${operation} ON audit_trail ` +
      `BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`,
  ]),
);

/** A PostgreSQL function's body (prosrc) and whether it runs with its owner's rights. */
export interface FunctionDefinition {
  body: string;
  securityDefiner: boolean;
}

/** PostgreSQL: the functions, by name, with their bodies as pg_proc keeps them. */
export const POSTGRES_FUNCTIONS: Record<string, FunctionDefinition> = {
  audit_trail_append_only: {
    body: ` BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END `,
    securityDefiner: false,
  },
  audit_head_advance: {
    body:
      ' BEGIN UPDATE audit_head h SET seq = a.seq, hash = a.hash ' +
      'FROM (SELECT seq, hash FROM added ORDER BY seq DESC LIMIT 1) a WHERE a.seq > h.seq; RETURN NULL; END ',
    securityDefiner: true,
  },
  audit_head_forward_only: {
    body:
      ` BEGIN IF TG_OP = 'UPDATE' AND (NEW.seq > OLD.seq OR NEW.seq::text = current_setting('audit.accepted_baseline', true)) ` +
      `THEN RETURN NEW; END IF; RAISE EXCEPTION 'the audit head only moves forward'; END `,
    securityDefiner: false,
  },
  audit_chain_head: {
    body:
      ' BEGIN PERFORM pg_advisory_xact_lock(lock_key); RETURN QUERY SELECT t.seq, t.hash, h.seq, h.hash, ' +
      '(SELECT e.hash FROM audit_trail e WHERE e.seq = h.seq), (SELECT e.hash FROM audit_trail e WHERE e.seq = exported_seq) ' +
      'FROM audit_head h LEFT JOIN (SELECT e.seq, e.hash FROM audit_trail e ORDER BY e.seq DESC LIMIT 1) t ON true; END ',
    securityDefiner: false,
  },
};

/**
 * PostgreSQL: each trigger as pg_get_triggerdef shows it, with the schema's name left out. The
 * first two come from migration 1763900000200, the rest from 1763900002300.
 */
export const POSTGRES_TRIGGERS: Record<string, string> = {
  audit_trail_append_only:
    'CREATE TRIGGER audit_trail_append_only BEFORE DELETE OR UPDATE ON audit_trail FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only()',
  audit_trail_no_truncate:
    'CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON audit_trail FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only()',
  audit_trail_advance_head:
    'CREATE TRIGGER audit_trail_advance_head AFTER INSERT ON audit_trail REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION audit_head_advance()',
  audit_head_forward_only:
    'CREATE TRIGGER audit_head_forward_only BEFORE DELETE OR UPDATE ON audit_head FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only()',
  audit_head_no_truncate:
    'CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head FOR EACH STATEMENT EXECUTE FUNCTION audit_head_forward_only()',
};

/** The tables whose rows nobody but their owner may change or remove. */
export const PROTECTED_TABLES = ['audit_trail', 'audit_head'];

/** What migration 1763900002300 runs: the head row, its functions and its triggers. */
export const AUDIT_HEAD_SQL = [
  'CREATE TABLE audit_head (id smallint PRIMARY KEY CHECK (id = 1), seq integer NOT NULL, hash varchar(64) NOT NULL)',
  `CREATE FUNCTION audit_head_advance() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$${POSTGRES_FUNCTIONS.audit_head_advance.body}$$`,
  `CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$${POSTGRES_FUNCTIONS.audit_head_forward_only.body}$$`,
  `CREATE FUNCTION audit_chain_head(lock_key bigint, exported_seq integer) RETURNS TABLE ` +
    '(seq integer, hash varchar, anchored_seq integer, anchored_hash varchar, at_anchored varchar, at_exported varchar) ' +
    `LANGUAGE plpgsql VOLATILE AS $$${POSTGRES_FUNCTIONS.audit_chain_head.body}$$`,
  POSTGRES_TRIGGERS.audit_trail_advance_head,
  POSTGRES_TRIGGERS.audit_head_forward_only,
  POSTGRES_TRIGGERS.audit_head_no_truncate,
];
