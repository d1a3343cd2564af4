import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/**
 * Control characters and the bidirectional embeddings, overrides and isolates: in a name they
 * only serve to make a letter or a list show something other than what is stored.
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

/** A person's or a court's name: trimmed, not blank, and free of characters that hide or reorder text. */
export function IsDisplayName(maxLength = 120): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    IsNotEmpty({ message: ({ property }) => `${property} must not be blank` }),
    MaxLength(maxLength),
    Matches(new RegExp(`^(?:(?!${HIDDEN_CHARACTERS.source}).)*$`, 'su'), {
      message: ({ property }) => `${property} must not contain control or bidirectional override characters`,
    }),
  );
}
