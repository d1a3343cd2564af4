import { said, type Said } from './said.js';

/** What a refusal by status says in Swedish, where the exception carried no words of ours. */
const BY_STATUS: Record<number, string> = {
  400: 'Förfrågan är felaktig och kunde inte behandlas.',
  401: 'Du är inte inloggad, eller så har inloggningen gått ut. Logga in igen.',
  403: 'Du har inte behörighet att göra det här.',
  404: 'Det du söker finns inte.',
  405: 'Det går inte att göra så här på den här adressen.',
  406: 'Svaret kan inte ges i det format som efterfrågas.',
  409: 'Det går inte att göra det här just nu, eftersom något annat har ändrats.',
  413: 'Det du skickade är för stort.',
  415: 'Formatet på det du skickade stöds inte.',
  422: 'Det du skickade bryter mot en regel.',
  429: 'Du har gjort för många försök. Vänta en stund och försök igen.',
  503: 'Tjänsten är inte tillgänglig just nu. Försök igen om en stund.',
};

/** Nest's and Express's own messages whose meaning we can say more exactly. */
const KNOWN: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^Validation failed \(uuid(?: v ?\d)? is expected\)$/, () => 'Id:t i adressen ska vara ett UUID.'],
  [/^Validation failed \(numeric string is expected\)$/, () => 'Talet i adressen ska vara ett heltal.'],
  [/^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /, () => 'Adressen finns inte.'],
  [/^File too large/i, () => 'Filen är för stor.'],
  [/^Field value too long/i, () => 'Ett fält i formuläret är för långt.'],
  [/^Unexpected field/i, () => 'Filen skickades i ett fält som inte finns.'],
  [/^Too many (files|parts|fields)$/i, () => 'Förfrågan innehåller för många delar.'],
  [/^request entity too large$/i, () => 'Det du skickade är för stort.'],
  [/JSON/, () => 'Förfrågan kunde inte läsas: den är inte giltig JSON.'],
];

/** A message some code wrote in Swedish already (the sign-in's): kept as it is in both languages. */
const SWEDISH = /[åäöÅÄÖ]/;

/** Nest's exception message, or its status alone, as a person reads it in either language. */
export function refusalWords(status: number, message: string | undefined): Said {
  if (message !== undefined && SWEDISH.test(message)) return said(message, message);
  const en = message ?? 'the request was refused';
  for (const [pattern, words] of KNOWN) {
    const match = message === undefined ? null : pattern.exec(message);
    if (match) return said(words(match), en);
  }
  return said(BY_STATUS[status] ?? 'Förfrågan kunde inte behandlas.', en);
}

export function isSaid(value: unknown): value is Said {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Said).sv === 'string' &&
    typeof (value as Said).en === 'string'
  );
}
