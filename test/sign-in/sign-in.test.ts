import './browser-sign-in.spec.js';
import './oidc-sign-in.spec.js';
