#!/usr/bin/env bash
# Builds, without any public image registry, every image docker-compose.yml needs, under the names
# deploy/compose.local.yml gives them:
#   pod-service/debian-runtime:1  a Debian bookworm root file system made by debootstrap from Debian's
#                                 packages (openjdk-17-jre-headless, PostgreSQL 15, nginx, iptables,
#                                 xfsprogs, e2fsprogs), imported with `docker import`: the applications'
#                                 base, and the gateway's nginx
#   pod-service/postgres:15       that base with an entrypoint that makes the cluster, its user and its
#                                 database from POSTGRES_USER/POSTGRES_PASSWORD/POSTGRES_DB on first start
#   pod-service/kafka:3.9.1       that base with Apache Kafka's jars from Maven Central (kafka_2.13 and
#                                 its dependencies, copied by Maven), in KRaft mode, configured from
#                                 KAFKA_* variables as the compose file sets them
# The applications' images are built by docker-compose from their Dockerfiles on that base.
# Each image is built only when missing (DEBIAN_MIRROR overrides Debian's mirror; REBUILD=1 rebuilds).
# Usage (as root): bash deploy/images/build.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE=$ROOT/deploy/images
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
BASE=pod-service/debian-runtime:1
PACKAGES=openjdk-17-jre-headless,postgresql-15,postgresql-client-15,nginx-light,iptables,xfsprogs,e2fsprogs,util-linux,procps,ca-certificates,curl

say() { printf '[images] %s\n' "$*" >&2; }
die() { printf '[images] ERROR: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root (debootstrap and docker import)"
command -v debootstrap >/dev/null 2>&1 || {
  say "installing debootstrap (Debian's package)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
}
missing() { [ "${REBUILD:-0}" = 1 ] || ! docker image inspect "$1" >/dev/null 2>&1; }

if missing "$BASE"; then
  started=$SECONDS
  rootfs=$(mktemp -d /var/tmp/pod-service-rootfs.XXXXXX)
  trap 'rm -rf "$rootfs"' EXIT
  say "debootstrap bookworm (minbase) from $MIRROR into $rootfs, then ${PACKAGES//,/ }"
  debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" >"$rootfs.log" 2>&1 \
    || { tail -n 30 "$rootfs.log" >&2; die "debootstrap failed (log: $rootfs.log)"; }
  # the packages install without starting anything (policy-rc.d) and PostgreSQL without a cluster:
  # each container makes its own
  printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
  chmod 755 "$rootfs/usr/sbin/policy-rc.d"
  mkdir -p "$rootfs/etc/postgresql-common"
  echo 'create_main_cluster = false' >"$rootfs/etc/postgresql-common/createcluster.conf"
  mount -t proc proc "$rootfs/proc"
  trap 'umount "$rootfs/proc" 2>/dev/null; rm -rf "$rootfs"' EXIT
  { chroot "$rootfs" apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive chroot "$rootfs" apt-get install -y -qq --no-install-recommends \
        -o Dpkg::Options::=--force-confold ${PACKAGES//,/ }; } >>"$rootfs.log" 2>&1 \
    || { tail -n 30 "$rootfs.log" >&2; die "installing the packages failed (log: $rootfs.log)"; }
  umount "$rootfs/proc"
  rm -f "$rootfs.log" "$rootfs/usr/sbin/policy-rc.d"
  chroot "$rootfs" apt-get clean
  rm -rf "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import \
    -c 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV LANG=C.UTF-8' -c 'CMD ["/bin/bash"]' - "$BASE" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
  say "$BASE made in $((SECONDS - started)) s ($(docker image inspect -f '{{.Size}}' "$BASE" | awk '{printf "%d MB", $1/1e6}'))"
fi

if missing pod-service/postgres:15; then
  docker build -q -t pod-service/postgres:15 --build-arg BASE_IMAGE="$BASE" "$HERE/postgres" >/dev/null
  say "pod-service/postgres:15 built"
fi

if missing pod-service/kafka:3.9.1; then
  # Kafka's jars: Maven copies kafka_2.13 and its runtime dependencies from Maven Central (or the local repository)
  rm -rf "$HERE/kafka/libs"
  "$ROOT/mvnw" -B -q -f "$HERE/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$HERE/kafka/libs"
  docker build -q -t pod-service/kafka:3.9.1 --build-arg BASE_IMAGE="$BASE" "$HERE/kafka" >/dev/null
  rm -rf "$HERE/kafka/libs"
  say "pod-service/kafka:3.9.1 built"
fi
say "images ready: $BASE, pod-service/postgres:15, pod-service/kafka:3.9.1"
