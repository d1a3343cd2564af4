import './no-recent-visit.spec.js';
import './reminders.spec.js';
import './visit-report-reminders.spec.js';
import './waiting-reminders.spec.js';
