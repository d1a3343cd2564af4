import './alert-mail.spec.js';
import './mail-crash.spec.js';
import './preferences.spec.js';
