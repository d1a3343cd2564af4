import { ArgumentsHost, Catch, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from './domain-errors.js';

const STATUS: Record<DomainError['kind'], HttpStatus> = {
  invalidInput: HttpStatus.BAD_REQUEST,
  notFound: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  businessRule: HttpStatus.UNPROCESSABLE_ENTITY,
};

export function httpStatusOf(error: DomainError): HttpStatus {
  return STATUS[error.kind];
}

/** The one place where a domain refusal becomes an HTTP answer. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    const status = httpStatusOf(error);
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(status)
      .json({ statusCode: status, error: error.constructor.name.replace(/Error$/, ''), message: error.message, ...error.details() });
  }
}
