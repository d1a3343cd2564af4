import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
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

/**
 * Nest's own refusals (guards, parse pipes, uploads, unknown routes) in the same body as a domain
 * refusal: `statusCode`, `error` and `message`, whatever the exception was built with. An answer
 * with a body of its own and no message (the health check's 503) is sent as it is.
 */
@Catch(HttpException)
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost): void {
    const status = exception.getStatus();
    const answer = exception.getResponse();
    const { error, message } = typeof answer === 'object' ? (answer as { error?: unknown; message?: unknown }) : { error: undefined, message: answer };
    const body =
      message === undefined
        ? answer
        : { statusCode: status, error: typeof error === 'string' ? error : (STATUS_CODES[status] ?? 'Error'), message };
    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }
}
