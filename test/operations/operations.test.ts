import './compose-file.spec.js';
import './health-probes.spec.js';
import './metrics.spec.js';
import './queue-dashboard.spec.js';
import './several-processes.spec.js';
import './worker-host.spec.js';
