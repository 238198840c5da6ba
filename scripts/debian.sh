# Sourced by run.sh and test.sh: installs the Debian 12 packages Sanad needs when any is missing,
# and sets up ccache. Everything comes from Debian's archive; nothing is downloaded from elsewhere.

SANAD_PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite libqt6sql6-psql qt6-charts-dev qt6-svg-dev qt6-multimedia-dev libgl-dev
    libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
    libphonenumber-dev libicu-dev libsodium-dev libsqlite3-dev
    fonts-noto-core fonts-noto-ui-core
)
# The tests also need a virtual X server for the screenshots check and a PostgreSQL server.
SANAD_TEST_PACKAGES=(xvfb xauth postgresql)

sanad_install_packages() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "Sanad needs these Debian packages, which are not installed: ${missing[*]}" >&2
        echo "Install them as root, then run this script again:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

sanad_setup_ccache() {
    export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
    export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
    export CCACHE_BASEDIR="$PWD"
    export CCACHE_NOHASHDIR=1
}

# sanad_configure BUILD_DIR: configures once with Ninja and ccache.
sanad_configure() {
    local dir="$1"
    if [ ! -f "$dir/build.ninja" ]; then
        cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    fi
}
