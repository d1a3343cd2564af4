import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, InvalidInputError } from './domain-errors.js';
import { isSaid, refusalWords } from './http-refusal-words.js';
import { languageOf, said, type Language, type Said } from './said.js';

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
    const request = http.getRequest<Request & { log: Logger }>();
    const language = languageOf(request.headers['accept-language']);
    if (error instanceof DomainError) {
      const status = httpStatusOf(error);
      response.status(status).json({
        statusCode: status,
        error: error.constructor.name.replace(/Error$/, ''),
        // Invalid input names every broken field, one message each.
        message: error instanceof InvalidInputError ? error.messages.map((m) => m[language]) : error.text[language],
        ...error.details(),
      });
    } else if (error instanceof HttpException) {
      response.status(error.getStatus()).json(httpExceptionBody(error, language));
    } else {
      this.answerUnexpected(error, request, response, language);
    }
  }

  private answerUnexpected(
    error: unknown,
    request: Request & { log: Logger },
    response: Response,
    language: Language,
  ): void {
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
      message: said(
        `Något gick fel hos oss. Ange felnumret ${requestId} när du kontaktar supporten.`,
        `something went wrong on our side; quote request id ${requestId} when you report it`,
      )[language],
      requestId,
    });
  }
}

/**
 * Nest's own refusals (guards, parse pipes, uploads, unknown routes) in the same body as a domain
 * refusal: `statusCode`, `error` and `message`, whatever the exception was built with, the message
 * in the client's language: our own words where the exception was built with them (a `Said`),
 * Swedish for Nest's by what they mean. An answer with a body of its own and no message (the
 * health check's 503) is sent as it is.
 */
function httpExceptionBody(exception: HttpException, language: Language): unknown {
  const status = exception.getStatus();
  const answer = exception.getResponse();
  if (isSaid(answer)) return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: answer[language] };
  const { error, message } =
    typeof answer === 'object'
      ? (answer as { error?: unknown; message?: unknown })
      : { error: undefined, message: answer };
  if (message === undefined) return answer;
  const words = (english: unknown): Said => refusalWords(status, typeof english === 'string' ? english : undefined);
  return {
    statusCode: status,
    error: typeof error === 'string' ? error : (STATUS_CODES[status] ?? 'Error'),
    message: Array.isArray(message) ? message.map((m) => words(m)[language]) : words(message)[language],
  };
}
