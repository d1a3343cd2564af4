import type { DataSourceOptions } from 'typeorm';
import { Alert } from './alerts/alert.entity.js';
import { AuditEntry } from './audit/audit-entry.entity.js';
import { UserAccount } from './auth/accounts/user-account.entity.js';
import { OidcSignIn } from './auth/oidc/oidc-sign-in.entity.js';
import { BrowserSession } from './auth/sessions/browser-session.entity.js';
import { CalendarToken } from './calendar/calendar-token.entity.js';
import { CaseHistoryEntry } from './cases/case-history-entry.entity.js';
import { CaseParty } from './cases/case-party.entity.js';
import { CaseRecord } from './cases/case-record.entity.js';
import type { DatabaseConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { Deadline } from './deadlines/deadline.entity.js';
import { DisposedCase } from './disposal/disposed-case.entity.js';
import { CaseRetention } from './documents/case-retention.entity.js';
import { CaseDocument } from './documents/document.entity.js';
import { ChildInterview } from './interviews/child-interview.entity.js';
import { InterviewConsent } from './interviews/interview-consent.entity.js';
import { DigestRun } from './notifications/digest-run.entity.js';
import { NotificationItem } from './notifications/notification-item.entity.js';
import { NotificationMail } from './notifications/notification-mail.entity.js';
import { NotificationPreference } from './notifications/notification-preference.entity.js';
import { StaffProfile } from './organisation/staff-profile.entity.js';
import { Supporter } from './supporters/supporter.entity.js';
import { CompensationExport, CompensationExportedVisit } from './compensation/compensation-export.entity.js';
import { UnitDetails } from './organisation/unit-details.entity.js';
import { VisitPlan } from './visits/visit-plan.entity.js';
import { VisitReport } from './visits/visit-report.entity.js';
import { Visit } from './visits/visit.entity.js';

/**
 * Every feature's entities, for what opens the database outside the Nest application (the
 * migration CLI, the scripts, tests): inside it, each feature module registers its own. The
 * architecture test checks that both lists agree.
 */
export const ENTITIES = [
  CaseRecord,
  CaseParty,
  CaseHistoryEntry,
  Deadline,
  Supporter,
  CompensationExport,
  CompensationExportedVisit,
  Visit,
  AuditEntry,
  Alert,
  VisitPlan,
  VisitReport,
  ChildInterview,
  CaseDocument,
  CaseRetention,
  NotificationMail,
  NotificationItem,
  DigestRun,
  NotificationPreference,
  StaffProfile,
  UnitDetails,
  InterviewConsent,
  DisposedCase,
  CalendarToken,
  UserAccount,
  BrowserSession,
  OidcSignIn,
];

/** The application's database with every entity, for a DataSource opened outside the Nest application. */
export function standaloneDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  return { ...dataSourceOptions(database), entities: ENTITIES };
}
