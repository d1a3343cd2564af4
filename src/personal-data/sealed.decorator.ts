const SEALED_KEY = Symbol('sealed with the personal-data keys');

/**
 * A column whose values are sealed with the personal-data keys (PersonnummerProtector.seal). The
 * one list key rotation works from: `npm run keys:rewrap` re-seals every such column and the
 * start-up check counts their key ids, so a column sealed later is rotated by declaring it here.
 */
export const Sealed = (): PropertyDecorator => (target, property) =>
  Reflect.defineMetadata(SEALED_KEY, true, target, property);

export function isSealed(entity: object, property: string): boolean {
  return Reflect.getMetadata(SEALED_KEY, (entity as { prototype: object }).prototype, property) === true;
}
