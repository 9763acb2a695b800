#!/usr/bin/env bash
# Makes this machine ready to run or test the pod service, doing only what is missing:
#   - a running Docker Engine (Debian's docker.io, installed and started when we are root);
#   - the tools the tests use (busybox-static, docker-registry, htpasswd, docker-compose);
#   - the images the service and the tests use, all made locally with `docker import`
#     (nothing is pulled from a public registry):
#       pod-service/busybox:1   a busybox-static rootfs: the demo's and the tests' pod image
#       pod-service/pause:1     the infra container that holds each pod's network namespace
#       pod-service/registry:1  Debian's docker-registry, for private registries with htpasswd auth
# With --tests, also the independent clients the tests drive (scripts/test.sh passes it):
#   conformance/.venv-sdk, .venv-jdc   JD Cloud's Python SDK and its jdc CLI (PyPI, pinned)
#   conformance/go                     JD Cloud's Go SDK (the Go module proxy, go.sum)
#   fuzz/.venv                         schemathesis (PyPI, pinned)
# Usage: scripts/setup.sh [--tests]    (idempotent; safe to run again)
set -euo pipefail

log() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

APT_UPDATED=
apt_install() {
  is_root || die "missing packages: $*; install them (sudo apt-get install -y $*) or run this script as root"
  if [ -z "$APT_UPDATED" ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v iptables >/dev/null 2>&1 || missing+=(iptables)
  [ -x /usr/bin/docker-registry ] || missing+=(docker-registry)
  command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  if ! file_is_static /bin/busybox; then missing+=(busybox-static); fi
  command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  # the multi-node tests: nsenter (util-linux) runs a node's tools in its namespace, socat relays its registry
  command -v nsenter >/dev/null 2>&1 || missing+=(util-linux)
  command -v socat >/dev/null 2>&1 || missing+=(socat)
  # cloud disks: a sparse file formatted as xfs (JD Cloud's default) or ext4, loop-mounted, frozen for snapshots
  command -v mkfs.xfs >/dev/null 2>&1 || missing+=(xfsprogs)
  command -v mkfs.ext4 >/dev/null 2>&1 || missing+=(e2fsprogs)
  command -v fsfreeze >/dev/null 2>&1 || missing+=(util-linux)
  # the web console is built with the machine's Node.js and npm (Debian's when there are none)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

file_is_static() {
  [ -x "$1" ] && ! ldd "$1" >/dev/null 2>&1
}

ensure_docker_running() {
  if docker info >/dev/null 2>&1; then return; fi
  is_root || die "the Docker daemon is not running and we are not root: start it (sudo service docker start) or add yourself to the docker group"
  log "starting dockerd (log: /var/log/pod-service-dockerd.log)"
  if command -v service >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    service docker start || true
  fi
  if ! docker info >/dev/null 2>&1; then
    nohup dockerd >/var/log/pod-service-dockerd.log 2>&1 &
  fi
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && { log "dockerd is up"; return; }
    sleep 1
  done
  tail -20 /var/log/pod-service-dockerd.log >&2 || true
  die "dockerd did not start within 60s"
}

# A minimal rootfs around busybox-static: every applet linked, /etc/passwd for `id`, a /tmp.
busybox_rootfs() {
  local root=$1
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/proc" "$root/sys" "$root/dev" "$root/root"
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

import_image() {
  local name=$1 root=$2; shift 2
  tar -C "$root" -c . | docker import "$@" - "$name" >/dev/null
  log "made $name"
}

ensure_images() {
  local work
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  if ! image_exists pod-service/busybox:1 || ! image_exists pod-service/pause:1; then
    busybox_rootfs "$work/busybox"
    import_image pod-service/busybox:1 "$work/busybox" --change 'CMD ["/bin/sh"]' --change 'ENV PATH=/bin'
    docker tag pod-service/busybox:1 pod-service/pause:1
  fi
  if ! image_exists pod-service/registry:1; then
    local r="$work/registry"
    busybox_rootfs "$r"
    mkdir -p "$r/usr/bin" "$r/etc/docker/registry" "$r/var/lib/registry" "$r/auth"
    cp /usr/bin/docker-registry "$r/usr/bin/docker-registry"
    # its shared libraries (Debian builds it dynamically against glibc)
    for lib in $(ldd /usr/bin/docker-registry | grep -o '/[^ ]*'); do
      mkdir -p "$r$(dirname "$lib")"
      cp -L "$lib" "$r$lib"
    done
    cat >"$r/etc/docker/registry/config.yml" <<'YAML'
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: /var/lib/registry
  delete:
    enabled: true
http:
  addr: :5000
auth:
  htpasswd:
    realm: pod-service-registry
    path: /auth/htpasswd
YAML
    import_image pod-service/registry:1 "$r" \
      --change 'ENTRYPOINT ["/usr/bin/docker-registry"]' \
      --change 'CMD ["serve", "/etc/docker/registry/config.yml"]' \
      --change 'EXPOSE 5000' --change 'ENV PATH=/bin:/usr/bin'
  fi
}

# Loopback elastic IPs (127.100.0.0/24 by default) are NATed to pods on bridges: the kernel must
# route 127/8 sources off the loopback interface. The worker sets this too when it can.
ensure_route_localnet() {
  if [ "$(cat /proc/sys/net/ipv4/conf/all/route_localnet 2>/dev/null)" != 1 ]; then
    if echo 1 2>/dev/null >/proc/sys/net/ipv4/conf/all/route_localnet; then
      log "set net.ipv4.conf.all.route_localnet=1 (loopback elastic IPs)"
    else
      log "cannot set net.ipv4.conf.all.route_localnet=1: loopback elastic IPs will not answer"
    fi
  fi
}

# Python with venv (Debian splits it out) and Go for JD Cloud's clients; a Go older than the
# conformance module's go line fetches its toolchain through the module proxy (GOTOOLCHAIN=auto).
ensure_test_clients() {
  local missing=()
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
  command -v go >/dev/null 2>&1 || missing+=(golang-go)
  # the console's browser tests: Debian's Chromium, driven by playwright-core
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # the multi-process test (cluster/run.sh): Debian's nginx as the gateway, psql to read the event store
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
  bash conformance/setup.sh
  bash fuzz/setup.sh
  log "test clients ready: $(conformance/.venv-sdk/bin/pip show jdcloud-sdk 2>/dev/null | sed -n 's/^Version: /jdcloud-sdk /p'), $(conformance/.venv-jdc/bin/pip show jdcloud-cli 2>/dev/null | sed -n 's/^Version: /jdcloud-cli /p'), $(go version | cut -d' ' -f3)"
}

cd "$(dirname "$0")/.."
ensure_packages
ensure_docker_running
ensure_images
ensure_route_localnet
if [ "${1:-}" = --tests ]; then ensure_test_clients; fi
log "ready: docker $(docker version --format '{{.Server.Version}}'), images pod-service/{busybox,pause,registry}:1"
