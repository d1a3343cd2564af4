import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { InvalidInputError } from './domain-errors.js';
import type { Said } from './said.js';
import { validationSaid } from './validation-words.js';

/** Unknown fields are refused, not dropped: a typo in a field name must not pass silently. */
export const VALIDATION_OPTIONS = { whitelist: true, forbidNonWhitelisted: true } as const;

/** Every constraint's message, nested ones prefixed with their path (`children.0.personnummer …`), in both languages. */
export function validationMessages(errors: ValidationError[]): Said[] {
  return englishMessages(errors).map(validationSaid);
}

function englishMessages(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((error) => {
    const here = path ? `${path}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      path && message.startsWith(error.property) ? `${path}.${message}` : message,
    );
    return [...own, ...englishMessages(error.children ?? [], here)];
  });
}

/** Builds `cls` from a plain body and checks it, or throws a 400 naming every broken field. */
export function validatePlain<T extends object>(cls: new () => T, body: unknown): T {
  const instance = plainToInstance(cls, body);
  const errors = validateSync(instance, VALIDATION_OPTIONS);
  if (errors.length > 0) throw new InvalidInputError(validationMessages(errors));
  return instance;
}

/** For bodies and queries: same rules and same 400 answer as `validatePlain`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATION_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => new InvalidInputError(validationMessages(errors)),
  });
}
