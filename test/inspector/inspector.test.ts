import './inspector-api.spec.js';
import './inspector-deadlines.spec.js';
import './inspector-page.spec.js';
import './machine-diagram.spec.js';
import './stately-bridge.spec.js';
