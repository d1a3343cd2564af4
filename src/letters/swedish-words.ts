import type { CancelledBy, StopReason } from '../../machines/case-events.js';

/** The parties in running text, definite form (GLOSSARY.md). */
export const ROLE_WORDS = {
  residentParent: 'boendeföräldern',
  visitingParent: 'umgängesföräldern',
  child: 'barnet',
} as const;

/** Why a supporter stopped a visit, as a clause after "eftersom". */
export const STOP_REASON_WORDS: Record<StopReason, string> = {
  visitingParentIntoxicated: 'umgängesföräldern verkade påverkad av alkohol eller droger',
  childUnwell: 'det var tydligt att barnet inte mådde bra',
  other: 'umgänget av annat skäl inte kunde fortsätta',
};

/** Who called a visit off or did not come, besides the parties named by role. */
export const ABSENT_PARTY_WORDS: Record<Exclude<CancelledBy, 'residentParent' | 'visitingParent' | 'child'>, string> = {
  supporter: 'umgängesstödjaren',
  unit: 'familjerätten',
};

/**
 * Why a case ended early, by the category END_EARLY records (the list in machines/case-events.ts);
 * the free text follows it. A category not in this list is said as "annat skäl".
 */
export const EARLY_END_WORDS: Record<string, string> = {
  courtChangedOrder: 'tingsrätten har ändrat domen',
  parentsAgreed: 'föräldrarna är överens om umgänge utan stöd',
  childMoved: 'barnet har flyttat',
  visitingParentStopped: 'umgängesföräldern har slutat komma till umgänget',
  childDeclined: 'barnet vill inte längre ha umgänge',
  other: 'annat skäl',
};

export function earlyEndWords(category: string | undefined): string {
  return EARLY_END_WORDS[category ?? 'other'] ?? EARLY_END_WORDS.other;
}

/** A sentence's own text without the full stop the writer may have ended it with, so one is added once. */
export function withoutFinalStop(text: string): string {
  return text.trim().replace(/[.!?\s]+$/u, '');
}

/** Text ended with exactly one full stop (or the question or exclamation mark it had). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/u.test(trimmed) ? trimmed.replace(/\.{2,}$/u, '.') : `${trimmed}.`;
}
