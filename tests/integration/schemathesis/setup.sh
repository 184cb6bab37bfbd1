#!/usr/bin/env bash
# schemathesis for the OpenAPI conformance test: a venv with the pinned version, cached under ~/.cache/metrochain
# and rebuilt only when requirements.txt changes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${METROCHAIN_CACHE:-$HOME/.cache/metrochain}"
stamp="$(sha256sum "$here/requirements.txt" | cut -c1-12)"
venv="$cache/schemathesis-$stamp"
if [[ ! -x "$venv/bin/schemathesis" ]]; then
  echo "schemathesis: creating $venv (from requirements.txt; a minute the first time)"
  command -v python3 >/dev/null || { echo "python3 is needed for the OpenAPI conformance test" >&2; exit 1; }
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi
ln -sfn "$venv" "$cache/schemathesis"
echo "schemathesis: $("$venv/bin/schemathesis" --version)"
