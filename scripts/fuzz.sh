#!/usr/bin/env bash
# Runs the OpenAPI fuzz test alone with more requests or another seed:
#   npm run fuzz -- --runs 20000 [--seed 12345] [--database postgres]
set -euo pipefail
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) export FUZZ_RUNS="$2"; shift 2 ;;
    --seed) export FUZZ_SEED="$2"; shift 2 ;;
    --database) export FUZZ_DATABASE="$2"; shift 2 ;;
    *) echo "unknown option $1 (use --runs N, --seed S, --database sqlite|postgres)" >&2; exit 2 ;;
  esac
done
NODE_OPTIONS=--experimental-vm-modules exec npx jest --runInBand test/fuzz
