#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (as root), builds Sanad, starts sanad-server on loopback with
# its embedded SQLite database, demo data and the call simulator, and opens sanad-desk with the
# demo agent's credentials filled in. Closing the desktop stops the server this script started.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/debian.sh

sanad_install_packages "${SANAD_PACKAGES[@]}"
sanad_setup_ccache
BUILD_DIR="${SANAD_BUILD_DIR:-build}"
sanad_configure "$BUILD_DIR"
cmake --build "$BUILD_DIR" --target sanad-server sanad-desk

DATA_DIR="${XDG_DATA_HOME:-$HOME/.local/share}/sanad"
DB="$DATA_DIR/sanad.db"
ACCOUNTS="$DATA_DIR/demo-accounts.txt"
LOG="$DATA_DIR/server.log"
mkdir -p "$DATA_DIR"
chmod 700 "$DATA_DIR"

# Demo passwords are generated when the database is seeded and shown only then; they are kept in
# $ACCOUNTS (mode 0600). A demo database whose accounts file is gone is put aside and seeded anew.
if [ -f "$DB" ] && [ ! -f "$ACCOUNTS" ]; then
    aside="$DB.$(date +%Y%m%d-%H%M%S)"
    echo "The demo database has no accounts file; keeping it as $aside and seeding a new one."
    mv "$DB" "$aside"
    rm -f "$DB-wal" "$DB-shm"
fi

# Identity one-time codes are not texted in the demo: they are written to $CODES (mode 0600).
CODES="$DATA_DIR/sent-codes.log"
"./$BUILD_DIR/server/sanad-server" --db "sqlite:$DB" --listen 127.0.0.1:0 --demo \
    --demo-accounts-file "$ACCOUNTS" --simulate-calls "${SANAD_CALLS_PER_MINUTE:-3}" \
    --code-log "$CODES" >"$LOG" 2>&1 &
SERVER_PID=$!
PASSWORD_FILE=""
cleanup() {
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    [ -n "$PASSWORD_FILE" ] && rm -f "$PASSWORD_FILE"
}
trap cleanup EXIT INT TERM

ADDRESS=""
for _ in $(seq 1 600); do
    ADDRESS=$(sed -n 's/^listening on \(.*\)$/\1/p' "$LOG" | head -n 1)
    [ -n "$ADDRESS" ] && break
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "sanad-server stopped before it was ready; its log ($LOG) says:" >&2
        cat "$LOG" >&2
        exit 1
    fi
    sleep 0.1
done
if [ -z "$ADDRESS" ]; then
    echo "sanad-server did not start within a minute; see $LOG" >&2
    exit 1
fi

echo "sanad-server is listening on $ADDRESS (database $DB, log $LOG)."
echo "Demo accounts and their passwords: $ACCOUNTS"
echo "Identity one-time codes \"sent\" to callers: $CODES"
AGENT_PASSWORD=$(sed -n 's/^demo account: username=agent1 role=agent password=\(.*\)$/\1/p' "$ACCOUNTS" | head -n 1)
PASSWORD_FILE=$(mktemp)
chmod 600 "$PASSWORD_FILE"
printf '%s' "$AGENT_PASSWORD" >"$PASSWORD_FILE"

DESK=("./$BUILD_DIR/app/sanad-desk" --server "$ADDRESS" --user agent1 --password-file "$PASSWORD_FILE")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: run ./run.sh inside a desktop session to see Sanad."
    echo "Starting the desktop on a virtual screen instead (xvfb-run); stop it with Ctrl+C."
    sanad_install_packages xvfb xauth
    xvfb-run -a -s "-screen 0 1600x1000x24" "${DESK[@]}"
else
    "${DESK[@]}"
fi
