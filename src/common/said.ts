/**
 * A text a person reads in an answer: Swedish, the unit's language and the default, and English
 * for a client that asks for it with `Accept-Language: en`. Codes (`rule`, `field`) stay as they are.
 */
export interface Said {
  sv: string;
  en: string;
}

export function said(sv: string, en: string): Said {
  return { sv, en };
}

export type Language = keyof Said;

/** English only where the client prefers it to Swedish; Swedish otherwise, also when it says nothing. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find((v) => v !== undefined);
      return { tag: tag.split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter(({ tag, q }) => (tag === 'sv' || tag === 'en') && q > 0)
    .sort((a, b) => b.q - a.q)[0];
  return preferred?.tag === 'en' ? 'en' : 'sv';
}
