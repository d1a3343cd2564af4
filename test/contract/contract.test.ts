import './api-contract.spec.js';
import './openapi-document.spec.js';
import './typed-client.spec.js';
