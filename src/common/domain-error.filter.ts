import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
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

/** Digit runs shaped like a personnummer, which a driver's message could quote from a value. */
const PERSONNUMMER_SHAPED = /\d{6,8}[-+]?\d{4}/g;

/** The route as declared (`POST /cases/:id/events`), so a log line names no id or query. */
function routeOf(request: Request): string {
  return `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? '(no route)'}`;
}

/**
 * The one place where an error becomes an HTTP answer: a domain refusal maps to its status, an
 * HTTP exception (401, 403, 413, …) answers in the same body (see httpExceptionBody), and anything else is a bug, logged
 * with the request id and route (never the body) and answered 500 with that id.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    if (error instanceof DomainError) {
      const status = httpStatusOf(error);
      response.status(status).json({
        statusCode: status,
        error: error.constructor.name.replace(/Error$/, ''),
        message: error.message,
        ...error.details(),
      });
    } else if (error instanceof HttpException) {
      response.status(error.getStatus()).json(httpExceptionBody(error));
    } else {
      this.answerUnexpected(error, http.getRequest<Request & { log: Logger }>(), response);
    }
  }

  private answerUnexpected(error: unknown, request: Request & { log: Logger }, response: Response): void {
    const requestId = typeof request.id === 'object' ? JSON.stringify(request.id) : String(request.id);
    const described =
      error instanceof Error
        ? { type: error.name, stack: error.stack ?? error.message }
        : { type: typeof error, stack: '' };
    request.log.error(
      {
        route: routeOf(request),
        err: { type: described.type, stack: described.stack.replace(PERSONNUMMER_SHAPED, '[hidden]') },
      },
      'unexpected error',
    );
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: `something went wrong on our side; quote request id ${requestId} when you report it`,
      requestId,
    });
  }
}

/**
 * Nest's own refusals (guards, parse pipes, uploads, unknown routes) in the same body as a domain
 * refusal: `statusCode`, `error` and `message`, whatever the exception was built with. An answer
 * with a body of its own and no message (the health check's 503) is sent as it is.
 */
function httpExceptionBody(exception: HttpException): unknown {
  const status = exception.getStatus();
  const answer = exception.getResponse();
  const { error, message } =
    typeof answer === 'object'
      ? (answer as { error?: unknown; message?: unknown })
      : { error: undefined, message: answer };
  return message === undefined
    ? answer
    : { statusCode: status, error: typeof error === 'string' ? error : (STATUS_CODES[status] ?? 'Error'), message };
}
