import { Loading, Page } from '../../app/page';
import type { SessionUser } from '../../lib/session';
import { ApiError } from '../../lib/api';
import { daysLeftText, formatDay } from '../../lib/format';
import { PROTECTION_LABELS } from '../../lib/labels';
import { useCase, type CaseView } from './case-queries';
import { stateText } from '../../lib/state-text';
import { NextSteps } from './NextSteps';
import { useStaffName } from '../../lib/staff';
import {
  AlertsSection,
  DeadlinesSection,
  DocumentsSection,
  InterviewsSection,
  PartiesSection,
  SupporterSection,
  TimelineSection,
  VisitsSection,
} from './CaseSections';

function ProtectedParties({ view }: { view: CaseView }) {
  const { children, residentParent, visitingParent } = view.parties;
  const protectedOnes = [
    ...children.map((c) => ({ party: c, role: 'barn' })),
    { party: residentParent, role: 'boendeförälder' },
    { party: visitingParent, role: 'umgängesförälder' },
  ].filter(({ party }) => party.protection);
  if (protectedOnes.length === 0) return null;
  return (
    <div className="notice notice--protected" role="note" aria-labelledby="protected-title">
      <h2 id="protected-title">Skyddade personuppgifter</h2>
      <ul>
        {protectedOnes.map(({ party, role }) => (
          <li key={party.id}>
            {party.name} ({role}): {PROTECTION_LABELS[party.protection as keyof typeof PROTECTION_LABELS].toLowerCase()}
          </li>
        ))}
      </ul>
      <p>
        Lämna aldrig ut adress, tid eller plats för möten till den andra parten. Håll enskilda möten i stället för
        gemensamma.
      </p>
    </div>
  );
}

function CaseHeader({ view, user }: { view: CaseView; user: SessionUser }) {
  const { judgment } = view;
  const diaryNumber = view.progress.diaryNumber as string | undefined;
  const responsible = useStaffName(view.responsibleSecretaryId);
  return (
    <>
      <ProtectedParties view={view} />
      <dl className="summary-list summary-list--header">
        <div>
          <dt>Läge</dt>
          <dd>
            <strong className="tag tag--state">{stateText(view.state, view.subState)}</strong>
          </dd>
        </div>
        <div>
          <dt>Diarienummer</dt>
          <dd>{diaryNumber ?? 'Inte angivet ännu'}</dd>
        </div>
        <div>
          <dt>Period</dt>
          {/* elementtiming: Chromium reports when the case's data is painted (npm run web:budget reads it). */}
          <dd {...{ elementtiming: 'case-data' }}>
            Från och med {formatDay(judgment.periodStart)} till och med {formatDay(judgment.periodEnd)}
            {view.state !== 'archived' && <strong className="days-left"> ({daysLeftText(judgment.periodEnd)})</strong>}
          </dd>
        </div>
        <div>
          <dt>Domens datum</dt>
          <dd>
            {formatDay(judgment.judgmentDate)}
            {judgment.evaluationRequested && ' · tingsrätten har begärt utvärdering'}
          </dd>
        </div>
        <div>
          <dt>Ansvarig familjerättssekreterare</dt>
          <dd>
            {responsible ?? 'Ingen'}
            {view.responsibleSecretaryId === user.username && ' (du)'}
          </dd>
        </div>
      </dl>
    </>
  );
}

/** The case page, which alert mail links to: where the case stands, its next steps, and everything on file. */
export function CasePage({ id, user }: { id: string; user: SessionUser }) {
  const found = useCase(id);
  if (found.isPending) return <Loading what="Hämtar ärendet" />;
  if (found.isError) {
    const missing = found.error instanceof ApiError && (found.error.status === 404 || found.error.status === 400);
    return (
      <Page title={missing ? 'Ärendet finns inte' : 'Ärendet kunde inte hämtas'}>
        <p>{missing ? 'Kontrollera länken, eller sök efter ärendet på Att göra.' : 'Försök igen om en stund.'}</p>
      </Page>
    );
  }
  const view = found.data;
  const archived = view.state === 'archived';
  return (
    <Page title={`${view.judgment.court}, mål ${view.judgment.courtCaseNumber}`}>
      <div className="case" data-case-version={view.version}>
        <CaseHeader view={view} user={user} />
        <div className="case__columns">
          <div className="case__main">
            <NextSteps view={view} />
            <AlertsSection caseId={id} />
            <DeadlinesSection view={view} />
            <VisitsSection caseId={id} view={view} />
            <DocumentsSection caseId={id} archived={archived} />
          </div>
          <div className="case__side">
            <PartiesSection view={view} />
            <SupporterSection view={view} />
            <InterviewsSection caseId={id} />
            <TimelineSection caseId={id} />
          </div>
        </div>
      </div>
    </Page>
  );
}
