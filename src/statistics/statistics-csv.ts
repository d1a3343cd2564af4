import { csvDocument, decimalComma } from '../common/csv.js';
import type { StatisticsFigures } from './statistics-figures.js';
import { EARLY_END_WORDS } from '../letters/swedish-words.js';

const HEADER = ['Avsnitt', 'Mått', 'Värde'];

const SPREADS = {
  supporterAppointed: 'umgängesstödjare utsedd',
  startupMeeting: 'uppstartsmöte',
  firstVisit: 'första besök',
} as const;

const value = (figure: number | string | null) => (figure === null ? '' : decimalComma(String(figure)));

/** The figures as rows a committee's spreadsheet opens: section, measure, value; "<5" where suppressed. */
export function statisticsCsv(figures: StatisticsFigures): string {
  const { cases, daysFromJudgmentReceived, visits, reminders, supporters } = figures;
  const rows: [string, string, number | string | null][] = [
    ['Period', 'från', figures.period.from],
    ['Period', 'till', figures.period.to],
    ['Ärenden', 'öppnade', cases.opened],
    ['Ärenden', 'avslutade', cases.closed],
    ['Ärenden', 'avslutade: perioden löpte ut', cases.endedBy.periodEnded],
    ['Ärenden', 'avslutade i förtid', cases.endedBy.endedEarly],
    ...Object.entries(cases.endedEarlyByReason).map(([reason, n]): [string, string, number | string] => [
      'Ärenden',
      `avslutade i förtid: ${reason in EARLY_END_WORDS ? EARLY_END_WORDS[reason] : 'ingen kategori angiven'}`,
      n,
    ]),
    ['Ärenden', 'utvärderade', cases.evaluated],
    ['Ärenden', 'arkiverade', cases.archived],
    ...Object.entries(SPREADS).flatMap(([key, label]): [string, string, number | string | null][] => {
      const spread = daysFromJudgmentReceived[key as keyof typeof SPREADS];
      return [
        ['Dagar från mottagen dom', `${label}: ärenden`, spread.cases],
        ['Dagar från mottagen dom', `${label}: median`, spread.medianDays],
        ['Dagar från mottagen dom', `${label}: 90:e percentilen`, spread.p90Days],
      ];
    }),
    ['Besök', 'genomförda', visits.held],
    ['Besök', 'avbrutna', visits.stopped],
    ...Object.entries(visits.stoppedByReason).map(([reason, n]): [string, string, number | string] => [
      'Besök',
      `avbrutna: ${reason}`,
      n,
    ]),
    ['Besök', 'inställda', visits.cancelled],
    ['Besök', 'uteblivna', visits.notAttended],
    ['Påminnelser', 'utlösta', reminders.raised],
    ...Object.entries(reminders.byKind).map(([kind, n]): [string, string, number | string] => [
      'Påminnelser',
      `utlösta: ${kind}`,
      n,
    ]),
    ['Påminnelser', 'fortfarande öppna', reminders.stillOpen],
    ['Påminnelser', 'dagar öppna: median', reminders.daysOpen.medianDays],
    ['Påminnelser', 'dagar öppna: 90:e percentilen', reminders.daysOpen.p90Days],
    ['Umgängesstödjare', 'aktiva', supporters.active],
    ['Umgängesstödjare', 'ärenden per stödjare: median', supporters.casesPerSupporter.median],
    ['Umgängesstödjare', 'ärenden per stödjare: max', supporters.casesPerSupporter.max],
    ['Umgängesstödjare', 'besök per stödjare: median', supporters.visitsPerSupporter.median],
    ['Umgängesstödjare', 'besök per stödjare: max', supporters.visitsPerSupporter.max],
  ];
  return csvDocument([HEADER, ...rows.map(([section, measure, figure]) => [section, measure, value(figure)])]);
}
