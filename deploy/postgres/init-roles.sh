#!/bin/sh
# Runs once, when the PostgreSQL volume is new (docker-entrypoint-initdb.d): the schema's owner,
# which migrates it (compose's one-shot migrate service), and the runtime role the API and the
# worker use, which may read and write the case tables but not change the schema nor the audit
# trail (npm run migrate -- --grant-to umgangesstod_app gives its rights after each migration).
set -eu
owner_password=$(cat /run/secrets/db_owner_password)
app_password=$(cat /run/secrets/db_app_password)
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_password="$owner_password" -v app_password="$app_password" <<'SQL'
CREATE ROLE umgangesstod_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE umgangesstod_app LOGIN PASSWORD :'app_password';
CREATE SCHEMA umgangesstod AUTHORIZATION umgangesstod_owner;
ALTER ROLE umgangesstod_owner SET search_path = umgangesstod;
ALTER ROLE umgangesstod_app SET search_path = umgangesstod;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA umgangesstod TO umgangesstod_app;
ALTER DEFAULT PRIVILEGES FOR ROLE umgangesstod_owner IN SCHEMA umgangesstod
  GRANT SELECT, INSERT ON TABLES TO umgangesstod_app;
ALTER DEFAULT PRIVILEGES FOR ROLE umgangesstod_owner IN SCHEMA umgangesstod
  GRANT USAGE ON SEQUENCES TO umgangesstod_app;
SQL
