import { existsSync, readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type OperationObject } from '@nestjs/swagger';
import { ApiErrorBody, errorResponse } from './common/api-docs.js';

interface PackageFacts {
  version: string;
  license: string;
}

/** package.json, found upwards from this module: beside src/ in the repository, two up from dist/src/. */
function packageFacts(): PackageFacts {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as PackageFacts;
  }
  throw new Error('package.json not found above the service’s code');
}

const TAGS: [string, string][] = [
  ['cases', 'A case from the court’s judgment to the archive: registration, the events that move it, its history'],
  ['supporters', 'Contact supporters (umgängesstödjare): expressions of interest, vetting, decisions, capacity'],
  ['visits', 'Planned visits and the supporter’s reports after them'],
  ['interviews', 'Child interviews: consent, booking, holding or declining, one per child'],
  ['documents', 'A case’s documents: noted, uploaded or generated as letters, then only read'],
  ['alerts', 'Reminders and warnings raised by deadlines and visits'],
  ['compensation', 'The supporters’ monthly compensation, for the payroll office'],
  ['audit', 'Who read or changed which case’s personal data'],
  ['inspector', 'The case-flow inspector’s data (developers)'],
  ['health', 'Whether the service, its database and Redis answer'],
  ['staff', 'Secretaries’ and administrators’ own profiles, printed on the letters they sign'],
  ['unit', 'The unit’s own details, printed on its letters'],
  ['parties', 'A case’s parties: addresses, protected identity, custody'],
  ['disposal', 'Disposal (gallring) of archived case files past their disposal date'],
  ['notifications', 'Alert mails: the outbox and each person’s choice of what reaches them'],
  ['calendar', 'The secretary’s calendar feed (iCalendar) of deadlines and meetings'],
  ['statistics', 'The unit’s figures for the committee: JSON, CSV and a page with charts'],
  [
    'sign-in',
    'Browser sign-in: local accounts or the municipality’s OpenID Connect provider, the session cookie and sign-out',
  ],
  ['operations', 'For those running the service: metrics for Prometheus and the queue dashboard'],
];

/** Documents already described in this process, by the controllers they describe. */
const described = new Map<string, OpenAPIObject>();

/**
 * The OpenAPI document the service serves at /docs-json: the contract client teams generate
 * their code from. Every operation needs a bearer token or a browser session unless it says otherwise.
 * It follows from the controllers' code alone, so a process that starts the application several
 * times (the tests, the benchmark) describes the same controllers once: describing them takes
 * longer than starting the rest of the application.
 */
export function apiDocument(app: INestApplication): OpenAPIObject {
  const controllers = [...app.get(ModulesContainer).values()]
    .flatMap((module) => [...module.controllers.values()].map((wrapper) => String(wrapper.name)))
    .sort()
    .join(',');
  let document = described.get(controllers);
  if (!document) {
    document = describeApi(app);
    described.set(controllers, document);
  }
  return structuredClone(document);
}

function describeApi(app: INestApplication): OpenAPIObject {
  const { version, license } = packageFacts();
  const builder = new DocumentBuilder()
    .setTitle('Umgängesstöd')
    .setDescription(
      'Court-ordered contact support (föräldrabalken 6 kap. 15 c §) for a municipal family-law unit: cases from judgment to archive. ' +
        'Every refusal has the same body (`ApiErrorBody`).',
    )
    .setVersion(version)
    .setLicense(license, `https://spdx.org/licenses/${license}.html`)
    .addServer('/', 'The service that serves this document')
    .addBearerAuth(
      {
        type: 'http',
        description: 'A token from the municipality’s OpenID Connect provider, or `npm run token` locally',
      },
      'bearer',
    )
    .addCookieAuth(
      'umgangesstod-session',
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          'A browser session (`POST /auth/login` or OpenID Connect sign-in); named `__Host-umgangesstod-session` behind https. Changes also need the `X-CSRF-Token` header.',
      },
      'session',
    )
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('session');
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ApiErrorBody],
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  document.info.contact = { name: 'The family-law unit (familjerätten) running this service' };
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.post, path.put, path.patch, path.delete]) {
      if (!operation) continue;
      refuseLargeBody(operation);
      operation.responses['500'] ??= errorResponse(500);
      // An audited operation answers nothing while its entry cannot be written.
      if (operation.security?.length !== 0) operation.responses['503'] ??= errorResponse(503);
      nameUndescribedAnswers(operation);
    }
  }
  return document;
}

/** Every body passes the size limit (BODY_LIMIT, UPLOAD_MAX_BYTES) before any route sees it. */
function refuseLargeBody(operation: OperationObject): void {
  if (operation.requestBody && !operation.responses['413']) operation.responses['413'] = errorResponse(413);
}

/** A success answer whose body says it all is described by its status's name (`OK`, `Created`). */
function nameUndescribedAnswers(operation: OperationObject): void {
  for (const [status, answer] of Object.entries(operation.responses)) {
    if (answer && 'description' in answer && !answer.description)
      answer.description = STATUS_CODES[Number(status)] ?? status;
  }
}
