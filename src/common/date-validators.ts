import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

// The format goes into the OpenAPI document too; the property's own @ApiProperty, applied after
// this, keeps its description, example and whether it is required.

/** A calendar day, `YYYY-MM-DD`, that exists. */
export function IsCalendarDate(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ format: 'date' }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be a date in the form YYYY-MM-DD` }),
    IsISO8601({ strict: true }, { message: ({ property }) => `${property} must be a date that exists` }),
  );
}

/** A point in time with date, time and zone, e.g. `2026-11-20T09:30:00+01:00`. */
export function IsInstant(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ format: 'date-time' }),
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: ({ property }) => `${property} must be an ISO 8601 time with a zone, e.g. 2026-11-20T09:30:00+01:00`,
    }),
    IsISO8601({ strict: true }, { message: ({ property }) => `${property} must be a time that exists` }),
  );
}
