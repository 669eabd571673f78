#!/usr/bin/env bash
# docgen: one entry point for setting up and running the project.
#   ./run.sh example   set up, render every bundled example (plans/, ho-so/) to .docx + PDF, then check them
#   ./run.sh test      set up, run the whole test suite
#   ./run.sh serve     set up, start the local web page (docgen serve; prints its address)
#   ./run.sh setup     set up only
# Setup is idempotent: it installs only what is missing (Debian packages for PDF,
# a virtual environment in .venv with the pinned dependencies of requirements.lock).
set -euo pipefail
cd "$(dirname "$0")"

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3

need_apt=()
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
[ -d /usr/share/fonts/truetype/liberation2 ] || need_apt+=(fonts-liberation2)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
# docgen serve keeps one LibreOffice running and converts through UNO (same version as LibreOffice)
[ -f /usr/lib/python3/dist-packages/uno.py ] || need_apt+=(python3-uno)
# the web page's browser tests drive Debian's Chromium (Playwright's own download is never used)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)

setup() {
  if [ ${#need_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "==> Cài gói Debian: ${need_apt[*]}"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
    else
      echo "!! Thiếu gói Debian ${need_apt[*]}: chạy với quyền root, hoặc: sudo apt-get install ${need_apt[*]}" >&2
    fi
  fi
  if [ ! -x .venv/bin/python ]; then
    echo "==> Tạo môi trường ảo .venv"
    "$PY" -m venv .venv
  fi
  local stamp=.venv/.docgen-installed
  if [ ! -f "$stamp" ] || [ requirements.lock -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "==> Cài thư viện Python (requirements.lock)"
    .venv/bin/python -m pip install -q -r requirements.lock
    .venv/bin/python -m pip install -q --no-deps -e .
    touch "$stamp"
  fi
  # An editable install leaves docgen/ uncompiled; with PYTHONDONTWRITEBYTECODE set, every run
  # would recompile it (~0.15 s of each `docgen check` start). Compile once, explicitly.
  .venv/bin/python -m compileall -q docgen >/dev/null
}

case "${1:-example}" in
  setup)
    setup ;;
  example)
    setup
    mkdir -p out
    .venv/bin/docgen render plans/*.yaml -o out/ --force
    for f in ho-so/*.yaml; do .venv/bin/docgen dossier "$f" -o out/ho-so/ --force; done
    .venv/bin/docgen check out/ plans/ --fail-on warning
    ;;
  test)
    setup
    shift || true
    .venv/bin/python -m pytest "$@"
    ;;
  serve)
    setup
    shift || true
    exec .venv/bin/docgen serve "$@"
    ;;
  *)
    echo "cách dùng: ./run.sh [setup|example|test|serve]" >&2; exit 2 ;;
esac
