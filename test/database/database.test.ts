import './correction-chains.spec.js';
import './durability.spec.js';
import './postgres-transactions.spec.js';
import './query-plans.spec.js';
import './repositories.spec.js';
