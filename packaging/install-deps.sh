#!/usr/bin/env bash
# Installs every Debian package ValueScope needs to build, test and run.
# Usage: packaging/install-deps.sh [--dev | --fuzz]   (--dev adds the tools used for screenshots,
# --fuzz clang and libFuzzer for fuzz/run.sh)
set -euo pipefail
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi

packages=(
  # build
  cmake ninja-build pkg-config g++
  # Qt 6 and QCoro
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev
  qt6-l10n-tools qt6-tools-dev-tools qt6-translations-l10n qcoro-qt6-dev
  # file formats and parsing
  libxlsxwriter-dev libfreexl-dev libzip-dev libfast-float-dev libuchardet-dev
  libexpat1-dev nlohmann-json3-dev zlib1g-dev
  # keyed pseudonyms of customer ids (HMAC-SHA256): OpenSSL's libcrypto
  libssl-dev
  # model fitting: optimiser, linear algebra, special functions
  libnlopt-dev libeigen3-dev libboost-dev
  # fonts: Chinese text in the window and in every export
  fonts-wqy-microhei
  # tests: offscreen GUI, independent reference numbers, benchmarks
  xvfb xauth python3 python3-pandas python3-openpyxl python3-xlwt python3-odf python3-scipy
  poppler-utils libbenchmark-dev time
  # database sources (issue 18): the clients, and the servers the tests start on loopback ports
  libpq-dev libcurl4-openssl-dev postgresql-15 clickhouse-server clickhouse-client curl
  # the Debian package and its checks: dpkg-shlibdeps, desktop-file-validate, appstreamcli
  dpkg-dev desktop-file-utils appstream
)
if [[ ${1:-} == --dev ]]; then
  packages+=(imagemagick xdotool poppler-utils librsvg2-bin)
fi
if [[ ${1:-} == --fuzz ]]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
