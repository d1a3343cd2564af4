import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiErrors } from '../common/api-docs.js';

export const CASE_ID_PARAM_KEY = 'caseIdParam';

/**
 * The routes concern one case, named by the route parameter `param`. A supporter reaches them
 * only for a case they are currently appointed to (any other answers 404, as if it did not
 * exist), and the audit trail files each call under that case.
 */
export const CaseScoped = (param = 'id') => applyDecorators(SetMetadata(CASE_ID_PARAM_KEY, param), ApiErrors(404));
