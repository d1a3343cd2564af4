import './app-config.spec.js';
import './production-mode.spec.js';
