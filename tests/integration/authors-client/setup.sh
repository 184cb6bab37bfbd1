#!/usr/bin/env bash
# The Python environment of the authors'-client compatibility test: a venv with the pinned python-ecdsa, cached
# under ~/.cache/metrochain and rebuilt only when requirements.txt changes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${METROCHAIN_CACHE:-$HOME/.cache/metrochain}"
stamp="$(sha256sum "$here/requirements.txt" | cut -c1-12)"
venv="$cache/authors-client-$stamp"
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import ecdsa' 2>/dev/null; then
  echo "authors' client: creating $venv (python-ecdsa from requirements.txt)"
  command -v python3 >/dev/null || { echo "python3 is needed for the authors' client test (apt-get install python3 python3-venv)" >&2; exit 1; }
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi
ln -sfn "$venv" "$cache/authors-client"
echo "authors' client: $("$venv/bin/python" -c 'import ecdsa; print("python-ecdsa", ecdsa.__version__)')"
