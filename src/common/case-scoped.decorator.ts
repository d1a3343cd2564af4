import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiErrors } from './api-docs.js';

export const CASE_ID_PARAM_KEY = 'caseIdParam';

/** @nestjs/common's metadata key for a controller's or handler's route path. */
const PATH_METADATA = 'path';

/**
 * Documents the 404 on the routes that name the case: on a controller, only its handlers whose
 * path (or the controller's) holds the parameter, so `POST /cases` does not claim a 404.
 */
function CaseMayBeMissing(param: string): MethodDecorator & ClassDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      ApiErrors(404)(target, key!, descriptor);
      return;
    }
    const namesCase = (holder: object) =>
      String(Reflect.getMetadata(PATH_METADATA, holder) ?? '').includes(`:${param}`);
    const prototype = (target as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, name)!;
      if (name === 'constructor' || typeof handler.value !== 'function') continue;
      if (namesCase(target) || namesCase(handler.value as object)) ApiErrors(404)(prototype, name, handler);
    }
  };
}

/**
 * The routes concern one case, named by the route parameter `param`. A supporter reaches them
 * only for a case they are currently appointed to (any other answers 404, as if it did not
 * exist), and the audit trail files each call under that case.
 */
export const CaseScoped = (param = 'id') =>
  applyDecorators(SetMetadata(CASE_ID_PARAM_KEY, param), CaseMayBeMissing(param));

export const REPLACED_SUPPORTER_KEY = 'replacedSupporterMay';

/**
 * A supporter who was replaced may still use this case-scoped route for REPORT_GRACE_DAYS, for
 * the visits they held (reading the case and filing reports); every other route is closed to them.
 */
export const ReplacedSupporterMay = () => SetMetadata(REPLACED_SUPPORTER_KEY, true);

export const REACH_CHECKED_BY_COMMAND_KEY = 'reachCheckedByCommand';

/**
 * A case command route: the command path checks a supporter's place on the case on the row it
 * loads anyway, so the access guard does not read the case first (one read per request).
 */
export const ReachCheckedByCommand = () => SetMetadata(REACH_CHECKED_BY_COMMAND_KEY, true);
