import './court-told.spec.js';
import './disposal.spec.js';
import './interviews.spec.js';
import './research-sample.spec.js';
