import './keyboard.spec.js';
import './serving.spec.js';
