import { STATE_LABELS, SUB_STATE_LABELS, type CaseState } from './labels';

/**
 * A state in Swedish, with the state within it where there is one: "Uppstartsmöte (kallelse
 * skickad)". Takes the state and sub-state apart, or a history's `startupMeeting.summoned`.
 */
export function stateText(state: string, subState?: string | null): string {
  const [top, inner] = state.includes('.') ? state.split('.') : [state, subState];
  const main = STATE_LABELS[top as CaseState] ?? top;
  const sub = inner ? SUB_STATE_LABELS[inner] : undefined;
  return sub ? `${main} (${sub})` : main;
}
