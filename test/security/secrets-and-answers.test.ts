import './file-modes.spec.js';
import './http-answers.spec.js';
import './refusal-flood.spec.js';
import './tokens-and-keys.spec.js';
