#!/bin/sh
# Makes the compose deployment's secrets as files under ./secrets (0600), once: random passwords
# and keys, and the connection URLs built from them. Keep a copy of the keys apart from the
# database backups: without PERSONAL_DATA_KEYS no personnummer or address opens again.
set -eu
cd "$(dirname "$0")/.."
mkdir -p secrets && chmod 700 secrets
umask 077
key() { node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"; }
password() { node -e "console.log(require('crypto').randomBytes(24).toString('base64url'))"; }
make() { [ -s "secrets/$1" ] || printf '%s\n' "$2" > "secrets/$1"; }
make postgres_password "$(password)"
make db_owner_password "$(password)"
make db_app_password "$(password)"
make redis_password "$(password)"
make database_url_owner "postgres://umgangesstod_owner:$(cat secrets/db_owner_password)@postgres:5432/umgangesstod"
make database_url_app "postgres://umgangesstod_app:$(cat secrets/db_app_password)@postgres:5432/umgangesstod"
make redis_url "redis://:$(cat secrets/redis_password)@redis:6379"
make personal_data_keys "k1:$(key)"
make personal_data_hash_key "$(key)"
make audit_chain_key "$(key)"
ls -l secrets
