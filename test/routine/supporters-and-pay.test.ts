import './compensation.spec.js';
import './payroll-carry-over.spec.js';
import './supporter-replacement.spec.js';
import './supporters.spec.js';
import './vetting-expiry.spec.js';
