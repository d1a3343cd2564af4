import { SetMetadata } from '@nestjs/common';

export const CASE_ID_PARAM_KEY = 'caseIdParam';

/**
 * The routes concern one case, named by the route parameter `param`. A supporter reaches them
 * only for a case they are currently appointed to (any other answers 404, as if it did not
 * exist), and the audit trail files each call under that case.
 */
export const CaseScoped = (param = 'id') => SetMetadata(CASE_ID_PARAM_KEY, param);

export const REPLACED_SUPPORTER_KEY = 'replacedSupporterMay';

/**
 * A supporter who was replaced may still use this case-scoped route for REPORT_GRACE_DAYS, for
 * the visits they held (reading the case and filing reports); every other route is closed to them.
 */
export const ReplacedSupporterMay = () => SetMetadata(REPLACED_SUPPORTER_KEY, true);
