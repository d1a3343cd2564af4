import { GUARD_RULES, type GuardName } from '../../machines/guard-rules.js';
import { eventWords } from '../common/domain-errors.js';
import { said, type Said } from '../common/said.js';

/**
 * Each machine guard's rule in Swedish, beside the English words the machines keep
 * (machines/guard-rules.ts): a guard added there without Swedish words here fails the typecheck.
 */
const GUARD_WORDS: Record<GuardName, string> = {
  startupMeetingCompleted:
    'umgänget startar först när uppstartsmötet har hållits, inskrivningsblanketten har undertecknats och reglerna har godkänts',
  midpointNotYetReached: 'halvtidsuppföljningen görs en gång per uppdrag',
  evaluationDue: 'en utvärdering skickas bara när tingsrätten har begärt en, efter avslutningsmötet',
  archivableFromClosing:
    'ett ärende arkiveras efter avslutningsmötet, och direkt från avslut bara när ingen utvärdering har begärts (annars efter utvärderingen)',
  visitsWereStarted:
    'ett umgängestillfälle registreras under avslutet bara om umgänget hade startat innan perioden löpte ut',
  startupMeetingsCompleted:
    'umgänget startar först när uppstartsmötet, eller varje förälders enskilda möte, har hållits med inskrivningsblanketten undertecknad och reglerna godkända',
  evaluationDueOnceClosed:
    'en utvärdering skickas bara när tingsrätten har begärt en, efter avslutningsmötet (inget behövs om umgänget aldrig startade)',
  archivableOnceClosed:
    'ett ärende arkiveras efter avslutningsmötet (inget behövs om umgänget aldrig startade), och direkt från avslut bara när ingen utvärdering har begärts',
  notYetInitiated: 'ett avslutat ärende initieras i efterhand bara om det aldrig initierades',
  diaryNumberMissing: 'ett diarienummer registreras i efterhand bara när ärendet saknar ett',
  meetingStillAhead:
    'ett uppföljningsmöte bokas fram till att det har hållits och innan ärendet avslutas, ett avslutningsmöte fram till att det har hållits',
};

const swedishRule = (english: string) =>
  (Object.entries(GUARD_RULES) as [GuardName, string][]).find(([, words]) => words === english)?.[0];

/** The machine refused an event by one of its guards: which rules it broke, in both languages. */
export function guardRefusal(eventType: string, rules: readonly string[]): Said {
  const swedish = rules.map((rule) => {
    const guard = swedishRule(rule);
    return guard ? GUARD_WORDS[guard] : 'ärendet uppfyller inte villkoren för händelsen';
  });
  return said(
    `”${eventWords(eventType)}” går inte att göra nu: ${swedish.join('; ')}.`,
    `${eventType} refused: ${rules.join('; ')}`,
  );
}
