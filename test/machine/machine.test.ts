import './case-machine.spec.js';
import './deadline-rules.spec.js';
import './model-paths.spec.js';
import './shipped-versions.spec.js';
