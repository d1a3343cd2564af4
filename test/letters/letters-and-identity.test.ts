import './letters.spec.js';
import './routine-letters.spec.js';
