/** The settings .env.example gives the compose deployment beside the defaults (see composeEnvironment). */
export const COMPOSE_SETTINGS: Record<string, string> = {
  PUBLIC_BASE_URL: 'https://umgangesstod.kommun.example',
  LOG_LEVEL: 'info',
  TRUST_PROXY: '1',
  QUEUE_PREFIX: 'umgangesstod',
  OIDC_ISSUER: 'https://login.kommun.example',
  OIDC_AUDIENCE: 'umgangesstod',
  OIDC_JWKS_URL: 'https://login.kommun.example/jwks',
};
