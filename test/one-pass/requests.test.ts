import './effects-at-start.spec.js';
import './one-pass.spec.js';
