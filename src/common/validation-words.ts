import { said, type Said } from './said.js';

/**
 * class-validator's messages, and the DTOs' own, are written in English as `<field> <rule>`; this
 * says each rule in Swedish with the field's code kept as it is. A message none of these match is
 * still said in Swedish, as an invalid value of the field it names.
 */
const RULES: [RegExp, (f: string, m: RegExpExecArray) => string][] = [
  [/^must be a string$/, (f) => `${f} ska vara en text.`],
  [/^(should not be empty|must not be blank)$/, (f) => `${f} får inte vara tomt.`],
  [/^must be shorter than or equal to (\d+) characters?$/, (f, m) => `${f} får vara högst ${m[1]} tecken långt.`],
  [/^must be longer than or equal to (\d+) characters?$/, (f, m) => `${f} ska vara minst ${m[1]} tecken långt.`],
  [/^must be at least two characters$/, (f) => `${f} ska vara minst två tecken långt.`],
  [/^must be one of the following values: (.*)$/, (f, m) => `${f} ska vara ett av följande värden: ${m[1]}.`],
  [
    /^must be one of:? (.*?) when the outcome is stopped, and absent otherwise$/,
    (f, m) => `${f} ska vara ett av ${m[1]} när umgänget avbröts, och utelämnas annars.`,
  ],
  [
    /^must be one of (.*) when the visit was cancelled or not attended$/,
    (f, m) => `${f} ska vara ett av ${m[1]} när umgänget ställdes in eller uteblev.`,
  ],
  [
    /^is given only when the visit was cancelled or not attended$/,
    (f) => `${f} anges bara när umgänget ställdes in eller uteblev.`,
  ],
  [/^must be one of:? (.*)$/, (f, m) => `${f} ska vara ett av följande värden: ${m[1]}.`],
  [/^must be an integer number$/, (f) => `${f} ska vara ett heltal.`],
  [/^must not be less than (\S+)$/, (f, m) => `${f} får inte vara mindre än ${m[1]}.`],
  [/^must not be greater than (\S+)$/, (f, m) => `${f} får inte vara större än ${m[1]}.`],
  [/^must be (a boolean value|true or false)$/, (f) => `${f} ska vara true eller false.`],
  [/^must be a UUID$/, (f) => `${f} ska vara ett UUID.`],
  [/^must be a case id \(UUID\)$/, (f) => `${f} ska vara ett ärendes id (UUID).`],
  [
    /^must be the id of the open case for the same court case number$/,
    (f) => `${f} ska vara id:t för det öppna ärendet med samma målnummer.`,
  ],
  [
    /^must be an object with street, postalCode and city, or null$/,
    (f) => `${f} ska vara ett objekt med street, postalCode och city, eller null.`,
  ],
  [
    /^must be an object with street, postalCode and city$/,
    (f) => `${f} ska vara ett objekt med street, postalCode och city.`,
  ],
  [/^must be an object$/, (f) => `${f} ska vara ett objekt.`],
  [/^must be an array$/, (f) => `${f} ska vara en lista.`],
  [/^must contain (?:no|not) more than (\d+) elements$/, (f, m) => `${f} får innehålla högst ${m[1]} värden.`],
  [/^must contain at least (\d+) elements$/, (f, m) => `${f} ska innehålla minst ${m[1]} värden.`],
  [/^must be an? (email|e-mail address)$/, (f) => `${f} ska vara en e-postadress.`],
  [/^must be a number conforming to the specified constraints$/, (f) => `${f} ska vara ett tal.`],
  [/^must be a date in the form YYYY-MM-DD$/, (f) => `${f} ska vara ett datum i formen ÅÅÅÅ-MM-DD.`],
  [/^must be a date that exists$/, (f) => `${f} ska vara ett datum som finns i kalendern.`],
  [
    /^must be an ISO 8601 time with a zone, e\.g\. (\S+)$/,
    (f, m) => `${f} ska vara en tidpunkt med tidszon, t.ex. ${m[1]}.`,
  ],
  [/^must be a time that exists$/, (f) => `${f} ska vara en tidpunkt som finns.`],
  [/^must be a valid ISO 8601 date string$/, (f) => `${f} ska vara ett giltigt datum.`],
  [
    /^must be a Swedish personal identity number/,
    (f) =>
      `${f} ska vara ett svenskt personnummer eller samordningsnummer (ÅÅÅÅMMDD-NNNN) med giltigt datum och kontrollsiffra.`,
  ],
  [/^must not contain control or bidirectional override characters$/, (f) => `${f} får inte innehålla styrtecken.`],
  [/^must be a Swedish postal code, e\.g\. (.*)$/, (f, m) => `${f} ska vara ett svenskt postnummer, t.ex. ${m[1]}.`],
  [
    /^must be a (tele)?phone number/,
    (f) => `${f} ska vara ett telefonnummer (siffror, mellanslag och bindestreck), t.ex. 018-727 00 00.`,
  ],
  [/^must look like "(.*)"$/, (f, m) => `${f} ska se ut som ”${m[1]}”.`],
  [
    /^must be 1–40 letters, digits, spaces, \/, - or \. \(no line breaks\)$/,
    (f) => `${f} ska vara 1–40 bokstäver, siffror, mellanslag, /, - eller . (inga radbrytningar).`,
  ],
  [/^must be a month in the form YYYY-MM$/, (f) => `${f} ska vara en månad i formen ÅÅÅÅ-MM.`],
  [/^must be json or csv$/, (f) => `${f} ska vara json eller csv.`],
  [/^must be given, with name and personnummer$/, (f) => `${f} ska anges, med namn och personnummer.`],
  [/^must be given when a supporter is rejected$/, (f) => `${f} ska anges när en umgängesstödjare avslås.`],
  [
    /^must be the next cursor of a previous page$/,
    (f) => `${f} ska vara markören för nästa sida från en tidigare sida.`,
  ],
  [/^must match .* regular expression$/, (f) => `${f} har fel format.`],
];

/** Messages that are not `<field> <rule>`. */
const WHOLE: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^(?:(\S+)\.)?property (\S+) should not exist$/,
    (m) => `Fältet ${m[1] ? `${m[1]}.` : ''}${m[2]} finns inte: ta bort det.`,
  ],
  [/^give either personnummer or text, not both$/, () => 'Ange antingen personnummer eller text, inte båda.'],
  [/^nested property (\S+) must be either object or array$/, (m) => `${m[1]} ska vara ett objekt eller en lista.`],
  [/^each value in (\S+) (.*)$/, (m) => `Varje värde i ${swedishRule(m[1], m[2])}`],
];

function swedishRule(field: string, rule: string): string {
  for (const [pattern, words] of RULES) {
    const match = pattern.exec(rule);
    if (match) return words(field, match);
  }
  return `${field} har ett ogiltigt värde.`;
}

/** One validation message in both languages: the English as class-validator or the DTO wrote it. */
export function validationSaid(english: string): Said {
  for (const [pattern, words] of WHOLE) {
    const match = pattern.exec(english);
    if (match) return said(words(match), english);
  }
  const split = /^(\S+) (.*)$/.exec(english);
  return said(split ? swedishRule(split[1], split[2]) : 'Förfrågan innehåller ett ogiltigt värde.', english);
}
