const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * An answer as text with its ids blanked out, for scanning for anything that looks like a
 * personnummer: a random UUID can hold a run of digits shaped like one.
 */
export function textWithoutIds(body: unknown): string {
  return JSON.stringify(body).replace(UUID, '<id>');
}
