#!/usr/bin/env bash
# `make image-test`: build the Docker image with podman and smoke-test it, then run the compose
# file's PostgreSQL + migrate + poller services. No container registry is needed: the base images
# are made here from Debian's packages.
#
#   1. podman, runc, debootstrap and CNI's dnsname plugin from apt (once);
#   2. a Debian minbase root filesystem with Python 3.11 and a venv at /opt/venv first on PATH (so
#      it behaves like the official python image), imported as localhost/rumourbot-test/python-base;
#   3. the published Dockerfile built on it (`--build-arg BASE=…`), with the host's CA bundle
#      mounted for pip;
#   4. smoke test: `rumourbot --help`, `rumourbot config check`, the image's health-check command,
#      and the default command (console mode, no network) stopping on SIGTERM with exit code 0
#      and "rumourbot stopped" in its log;
#   5. compose (podman-compose from PyPI, pinned in scripts/image/tools.lock) with a PostgreSQL
#      image built from Debian's `postgresql` package: `up -d postgres`, wait for pg_isready,
#      `run --rm migrate`, `up -d --no-deps poller`, and check that the poller reached the store.
#
# Everything podman stores (images, layers, the root filesystem) lives under $IMAGE_TEST_CACHE
# (default /var/cache/rumourbot-image-test), so a second run reuses it and takes seconds. podman
# reads its settings from files written there; /etc/containers is left alone.
#
# Skips (exit 0, saying why) only when not root or without apt-get; any other failure fails.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
    echo "image-test: skipped: needs root (podman builds rootful here, debootstrap needs root)"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "image-test: skipped: no apt-get (podman and debootstrap come from Debian's packages)"
    exit 0
fi

CACHE=${IMAGE_TEST_CACHE:-/var/cache/rumourbot-image-test}
IMAGE=localhost/rumourbot:latest # docker-compose.yml's `image: rumourbot:latest`
BASE=localhost/rumourbot-test/python-base:latest
PG_IMAGE=localhost/rumourbot-test/postgres:latest
PROJECT=rumourbot-imagetest
START=$(date +%s)

step() { printf 'image-test: [%3ds] %s\n' "$(($(date +%s) - START))" "$*"; }
fail() {
    echo "image-test: FAILED: $*" >&2
    exit 1
}
# Whether container $1's log holds $2 (read whole first: `podman logs | grep -q` fails under
# pipefail when grep stops reading early).
logs_have() {
    local logs
    logs=$(podman logs "$1" 2>&1) || return 1
    grep -qF -- "$2" <<<"$logs"
}
# Waits up to 60 s for container $1 to log $2.
wait_for_log() {
    local _
    for _ in $(seq 1 120); do
        logs_have "$1" "$2" && return 0
        [ "$(podman inspect -f '{{.State.Running}}' "$1" 2>/dev/null)" = true ] || break
        sleep 0.5
    done
    logs_have "$1" "$2"
}

# ---- 1. tools -------------------------------------------------------------------------------------
need=()
for tool in podman runc debootstrap; do command -v "$tool" >/dev/null 2>&1 || need+=("$tool"); done
[ -e /usr/lib/cni/dnsname ] || need+=(golang-github-containernetworking-plugin-dnsname)
if [ ${#need[@]} -gt 0 ]; then
    step "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null 2>&1 || {
        apt-get update -q >/dev/null
        apt-get install -y -q --no-install-recommends podman runc debootstrap \
            golang-github-containernetworking-plugin-dnsname >/dev/null
    }
fi

mkdir -p "$CACHE"
# crun refuses this kind of machine's hybrid cgroups, and podman's default ulimits are above the
# hard limits a process may raise itself to here: cap them at the host's own.
nofile=$(ulimit -Hn)
nproc=$(ulimit -Hu)
pid_max=$(cat /proc/sys/kernel/pid_max)
if [ "$nproc" = unlimited ] || [ "$nproc" -gt "$pid_max" ]; then nproc=$pid_max; fi
cat >"$CACHE/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]

[engine]
runtime = "runc"
EOF
cat >"$CACHE/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$CACHE/storage"
runroot = "$CACHE/run"
EOF
export CONTAINERS_CONF="$CACHE/containers.conf" CONTAINERS_STORAGE_CONF="$CACHE/storage.conf"

cleanup() {
    podman rm -f -t 0 rumourbot-imagetest-run >/dev/null 2>&1 || true
    if [ -x "$CACHE/tools/bin/podman-compose" ]; then
        "$CACHE/tools/bin/podman-compose" -p "$PROJECT" -f docker-compose.yml -f scripts/image/compose.test.yml \
            down -v -t 5 >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

# ---- 2. base image from Debian's packages ---------------------------------------------------------
if ! podman image exists "$BASE"; then
    # shellcheck disable=SC1091
    suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
    mirror=$(grep -rhoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
        | grep -oE 'https?://[^ ]+' | head -n1 || true)
    mirror=${mirror:-http://deb.debian.org/debian}
    rootfs="$CACHE/rootfs-$suite"
    if [ ! -x "$rootfs/opt/venv/bin/python" ]; then
        step "debootstrap $suite from $mirror (about a minute)"
        rm -rf "$rootfs"
        debootstrap --variant=minbase --include=ca-certificates,python3,python3-venv,python-is-python3 \
            "$suite" "$rootfs" "$mirror" >"$CACHE/debootstrap.log" 2>&1 \
            || { tail -n 20 "$CACHE/debootstrap.log" >&2; fail "debootstrap $suite $mirror"; }
        chroot "$rootfs" python3 -m venv /opt/venv
        rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    fi
    step "importing the root filesystem as $BASE"
    tar -C "$rootfs" -c . | podman import --quiet \
        --change 'ENV PATH=/opt/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV LANG=C.UTF-8' \
        --change 'CMD ["python3"]' - "$BASE" >/dev/null
fi

# ---- 3. the image -------------------------------------------------------------------------------
# --format docker keeps the HEALTHCHECK (the OCI format has none). pip inside the build checks
# TLS against this machine's CA bundle, mounted read-only.
step "building $IMAGE from the Dockerfile"
podman build --quiet --pull=never --format docker --build-arg "BASE=$BASE" \
    -v /etc/ssl/certs:/etc/ssl/certs:ro -t "$IMAGE" . >"$CACHE/build.log" 2>&1 \
    || { tail -n 40 "$CACHE/build.log" >&2; fail "podman build"; }

# ---- 4. smoke test ------------------------------------------------------------------------------
# podman runs health checks from systemd timers, which this machine lacks: --no-healthcheck (the
# check's command is run by hand below instead).
run() { podman run --rm --network none --no-healthcheck "$IMAGE" "$@"; }
step "smoke test: rumourbot --help, config check, lock in use"
out=$(run rumourbot --help) && grep -q "Football manager rumour bot" <<<"$out" || fail "rumourbot --help: $out"
out=$(run rumourbot config check) && grep -q '"url": "sqlite:////data/rumourbot.db"' <<<"$out" \
    || fail "rumourbot config check: $out"
[ "$(run id -un)" = rumourbot ] || fail "the image does not run as the rumourbot user"
locked=$(grep -oE '^(discord-py|python-telegram-bot|aiohttp|pydantic)==[^ ]+' requirements/run.lock | sort)
installed=$(run python -m pip list --format=freeze 2>/dev/null)
installed=$(grep -iE '^(discord-py|discord\.py|python-telegram-bot|aiohttp|pydantic)==' <<<"$installed" \
    | sed 's/^discord\.py/discord-py/' | sort)
[ "$locked" = "$installed" ] || fail "installed versions differ from requirements/run.lock: $installed"
healthcheck=$(podman image inspect --format '{{json .Config.Healthcheck.Test}}' "$IMAGE")
case $healthcheck in *healthz*) ;; *) fail "the image has no HEALTHCHECK (got $healthcheck)" ;; esac
mapfile -t healthcheck_cmd < <(python3 -c '
import json, sys
test = json.loads(sys.argv[1])
assert test[0] == "CMD", test
print("\n".join(test[1:]))' "$healthcheck")

step "smoke test: the default command in console mode, stopped with SIGTERM"
podman run -d --name rumourbot-imagetest-run --network none --no-healthcheck "$IMAGE" >/dev/null
wait_for_log rumourbot-imagetest-run "rumourbot running" \
    || { podman logs rumourbot-imagetest-run >&2; fail "the bot did not start within 60 s"; }
# The image's health-check command fails here: /healthz answers 503, since no feed can be reached.
if out=$(podman exec rumourbot-imagetest-run "${healthcheck_cmd[@]}" 2>&1); then
    fail "the HEALTHCHECK command passed with no feed reachable"
fi
grep -q "HTTP Error 503" <<<"$out" || fail "the HEALTHCHECK command failed otherwise than with a 503: $out"
health=$(podman exec rumourbot-imagetest-run python -c "
import urllib.error, urllib.request
try:
    urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=5)
except urllib.error.HTTPError as exc:
    print(exc.code, exc.read().decode())")
case $health in 503*problems*) ;; *) fail "/healthz: expected 503 with its problems, got: $health" ;; esac
podman stop -t 30 rumourbot-imagetest-run >/dev/null
code=$(podman inspect -f '{{.State.ExitCode}}' rumourbot-imagetest-run)
logs=$(podman logs rumourbot-imagetest-run 2>&1)
[ "$code" = 0 ] || { echo "$logs" >&2; fail "exit code $code after SIGTERM (expected 0)"; }
grep -q "rumourbot stopped" <<<"$logs" || { echo "$logs" >&2; fail "no 'rumourbot stopped' in the log"; }
podman rm rumourbot-imagetest-run >/dev/null

# ---- 5. compose -----------------------------------------------------------------------------------
if [ ! -x "$CACHE/tools/bin/podman-compose" ] || ! cmp -s scripts/image/tools.lock "$CACHE/tools/tools.lock"; then
    step "installing podman-compose (scripts/image/tools.lock)"
    rm -rf "$CACHE/tools"
    python3 -m venv "$CACHE/tools"
    "$CACHE/tools/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes \
        -r scripts/image/tools.lock >"$CACHE/tools.log" 2>&1 || { cat "$CACHE/tools.log" >&2; fail "pip install podman-compose"; }
    cp scripts/image/tools.lock "$CACHE/tools/tools.lock"
fi
step "building $PG_IMAGE from Debian's postgresql package"
podman build --quiet --pull=never --build-arg "BASE=$BASE" -t "$PG_IMAGE" \
    -f scripts/image/postgres.Containerfile scripts/image >"$CACHE/build-postgres.log" 2>&1 \
    || { tail -n 40 "$CACHE/build-postgres.log" >&2; fail "podman build (postgres)"; }

compose() {
    "$CACHE/tools/bin/podman-compose" -p "$PROJECT" -f docker-compose.yml -f scripts/image/compose.test.yml "$@"
}
export POSTGRES_PASSWORD=imagetest-password COMPOSE_PROFILES=""
cleanup
# podman 4.3 ignores `condition: service_healthy` and needs systemd for health checks, so the
# services come up one step at a time, as the conditions would have ordered them.
step "compose: up -d postgres"
compose up -d postgres >"$CACHE/compose.log" 2>&1 || { cat "$CACHE/compose.log" >&2; fail "compose up postgres"; }
pg=${PROJECT}_postgres_1
# Over TCP: while the entrypoint creates the database, a temporary server answers on the Unix socket
# only, and would pass a socket check just before it stops again.
for _ in $(seq 1 120); do
    podman exec "$pg" pg_isready -q -h 127.0.0.1 -U rumourbot -d rumourbot 2>/dev/null && break
    sleep 0.5
done
podman exec "$pg" pg_isready -q -h 127.0.0.1 -U rumourbot -d rumourbot \
    || { podman logs "$pg" >&2; fail "PostgreSQL not ready in 60 s"; }
step "compose: run --rm migrate"
out=$(compose run --rm migrate 2>&1) || { echo "$out" >&2; fail "compose run migrate"; }
grep -q "database is up to date" <<<"$out" || { echo "$out" >&2; fail "migrate did not report the schema version"; }
step "compose: up -d --no-deps poller"
compose up -d --no-deps poller >>"$CACHE/compose.log" 2>&1 || { cat "$CACHE/compose.log" >&2; fail "compose up poller"; }
poller=${PROJECT}_poller_1
wait_for_log "$poller" "rumourbot running" || { podman logs "$poller" >&2; fail "the poller did not start"; }
health=$(podman exec "$poller" python -c "
import urllib.error, urllib.request
try:
    print(200, urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=5).read().decode())
except urllib.error.HTTPError as exc:
    print(exc.code, exc.read().decode())")
case $health in *"store unreachable"*) fail "the poller does not reach PostgreSQL: $health" ;; esac
case $health in *"no feeds to poll"*) ;; *) fail "/healthz of the poller: unexpected answer: $health" ;; esac
step "compose: the poller reached PostgreSQL (/healthz: ${health:0:3}, no feeds configured)"
cleanup
step "passed"
