import './import-layers.spec.js';
import './repository-layering.spec.js';
import './suites.spec.js';
