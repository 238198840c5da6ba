#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (as root), builds Sanad and runs the whole test suite with ctest.
# Usage: ./test.sh [extra ctest arguments, e.g. -R unit_]
set -euo pipefail
cd "$(dirname "$0")"
source scripts/debian.sh

sanad_install_packages "${SANAD_PACKAGES[@]}" "${SANAD_TEST_PACKAGES[@]}"
sanad_setup_ccache
BUILD_DIR="${SANAD_BUILD_DIR:-build}"
sanad_configure "$BUILD_DIR"
cmake --build "$BUILD_DIR"
ccache --show-stats 2>/dev/null | grep -E 'Hits|Misses' || true

# Tests start their own sanad-server processes on 127.0.0.1:0, so they can run side by side.
ctest --test-dir "$BUILD_DIR" --output-on-failure --timeout 600 -j "$(nproc)" "$@"
