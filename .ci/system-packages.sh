#!/usr/bin/env bash
# Debian packages the optional tests use (LibreOffice; see README). Idempotent: installs only what is missing.
# Run as root (CI and the development machines are); elsewhere prints what to install.
set -euo pipefail
packages=()
need() { dpkg -s "$1" >/dev/null 2>&1 || packages+=("$1"); }

# The end-to-end test needs no package: its Chromium and its Chinese font come from npm ci.
need fonts-noto-cjk      # Chinese glyphs in what LibreOffice renders (PDF) from our workbooks
need libreoffice-calc    # tests/office: opens the .xlsx files the CLI writes, as a user's office suite would
need libreoffice-writer  # tests/office: turns 汇总's 复制表格 HTML into a .docx, as pasting into Word does

[ ${#packages[@]} -eq 0 ] && { echo "system packages: all present"; exit 0; }
if [ "$(id -u)" != 0 ]; then
  echo "please install: ${packages[*]} (apt-get install)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}"
