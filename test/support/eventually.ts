/**
 * Retries `check` (which throws while not yet true) until it passes, and gives what it returned;
 * past `timeoutMs` the last error is thrown. Every wait in the tests ends this way, on a positive
 * signal, never after a fixed sleep.
 */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((done) => setTimeout(done, 25));
    }
  }
}
