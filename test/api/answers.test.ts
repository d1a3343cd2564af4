import './administration.spec.js';
import './error-language.spec.js';
import './input-limits.spec.js';
import './late-visits.spec.js';
import './validation-words.spec.js';
