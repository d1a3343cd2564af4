import './backup-freshness.spec.js';
import './restore-drill.spec.js';
