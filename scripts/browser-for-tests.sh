#!/usr/bin/env bash
# Makes sure the browser tests have a headless Chromium and its driver: Debian's `chromium` and
# `chromium-driver`, and a Chinese font (`fonts-wqy-microhei`) so that the screenshots are legible;
# installed when missing (needs root, or sudo). JIYUN_CHROMIUM and
# JIYUN_CHROMEDRIVER point the tests at other binaries; then nothing is installed.
set -euo pipefail

if [[ -n "${JIYUN_CHROMEDRIVER:-}" ]]; then
  echo "browser-for-tests: using ${JIYUN_CHROMEDRIVER}"
  exit 0
fi

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

packages=(chromium chromium-driver fonts-wqy-microhei)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "browser-for-tests: installing ${missing[*]}"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
echo "browser-for-tests: $(chromedriver --version | cut -d' ' -f1-2)"
