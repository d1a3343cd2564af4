import './access-rules.spec.js';
import './audit-trail.spec.js';
import './list-reads.spec.js';
import './password-hashing.spec.js';
import './personnummer-protector.spec.js';
import './rate-limit.spec.js';
import './roles-on-cases.spec.js';
import './tokens.spec.js';
