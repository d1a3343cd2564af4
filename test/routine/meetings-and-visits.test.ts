import './booked-meetings.spec.js';
import './protected-meetings.spec.js';
import './visits-and-reports.spec.js';
