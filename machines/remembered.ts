/**
 * A pure function whose answers are kept by `key`, the oldest dropped once `max` are kept. Every
 * change of a case asks the same time-zone questions about the same few instants again (its
 * period, its reminders, its visits' days), and time-zone arithmetic is among the dearest work on
 * that path.
 */
export function remembered<A extends unknown[], R>(
  key: (...args: A) => string,
  compute: (...args: A) => R,
  max = 10_000,
): (...args: A) => R {
  const answers = new Map<string, R>();
  return (...args: A): R => {
    const k = key(...args);
    if (answers.has(k)) return answers.get(k) as R;
    const answer = compute(...args);
    if (answers.size >= max) answers.delete(answers.keys().next().value as string);
    answers.set(k, answer);
    return answer;
  };
}
