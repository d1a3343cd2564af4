import './embedded-redis.spec.js';
import './period-deadlines.spec.js';
import './simultaneous-deadlines.spec.js';
import './stored-machine-versions.spec.js';
