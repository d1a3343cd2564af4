import './archive-waits-for-reports.spec.js';
import './documents.spec.js';
import './event-dates.spec.js';
import './sent-twice.spec.js';
