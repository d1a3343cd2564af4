import './case-lifecycle.spec.js';
import './case-lists.spec.js';
import './register-case.spec.js';
import './registration-checks.spec.js';
import './work-list.spec.js';
