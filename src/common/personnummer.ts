import personnummerModule from 'personnummer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

// The package is CommonJS (`module.exports = Personnummer`) but its types declare an ES default
// export, so under NodeNext the default import is typed as the module: take the class from it.
const Personnummer = personnummerModule as unknown as typeof personnummerModule.default;

const OPTIONS = { allowCoordinationNumber: true, allowInterimNumber: false };

export function isPersonnummer(value: unknown): value is string {
  return typeof value === 'string' && Personnummer.valid(value, OPTIONS);
}

/** Twelve digits, no separator: the one form the system stores and compares. */
export function normalizePersonnummer(value: string): string {
  return Personnummer.parse(value, OPTIONS).format(true);
}

/** Birth date kept, the last four digits hidden: enough to tell two children apart on screen. */
export function maskPersonnummer(normalized: string): string {
  return `${normalized.slice(0, 8)}-****`;
}

/**
 * A Swedish personal identity number or coordination number (day + 60), in the 10- or 12-digit
 * form, with or without separator, with a valid date and check digit. The message never repeats
 * the value.
 */
export function IsPersonnummer(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPersonnummer',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ property }) =>
          `${property} must be a Swedish personal identity number or coordination number (YYYYMMDD-NNNN) with a valid date and check digit`,
        ...options,
      },
      validator: { validate: isPersonnummer },
    });
}
