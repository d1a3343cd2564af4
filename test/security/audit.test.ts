import './administrator-views.spec.js';
import './audit-before-data.spec.js';
import './audit-chain.spec.js';
import './audit-cut-tail.spec.js';
import './audit-grants.spec.js';
import './audit-head-file.spec.js';
import './audit-protection.spec.js';
