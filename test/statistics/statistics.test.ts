import './statistics-page.spec.js';
import './unit-statistics.spec.js';
