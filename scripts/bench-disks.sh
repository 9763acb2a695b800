#!/usr/bin/env bash
# What a cloud disk costs beside raw Docker, on this machine: the node's steps (a sparse file made
# and formatted as xfs and ext4, loop-mounted, copied for a snapshot) and a container writing
# BENCH_WRITE_MB of random data (512 by default, fsync'd) into a loop-mounted disk against a plain directory bound
# the same way (what `docker run -v` gives). BENCH_ROUNDS rounds (3), median printed. Not part of
# the test suite; needs root, Docker and the image pod-service/busybox:1 (scripts/setup.sh).
set -euo pipefail
rounds=${BENCH_ROUNDS:-3}
mb=${BENCH_WRITE_MB:-512}
work=$(mktemp -d /var/tmp/pod-bench-disks.XXXXXX)
mark="pod-bench-disks=$$"
cleanup() {
  docker ps -aq --filter "label=$mark" | xargs -r docker rm -f >/dev/null 2>&1 || true
  for m in "$work"/mnt-*; do mountpoint -q "$m" 2>/dev/null && umount "$m"; done
  rm -rf "$work"
}
trap cleanup EXIT

ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_of() { local s; s=$(ms); "$@" >/dev/null 2>&1; echo $(( $(ms) - s )); }
write_into() {
  docker run --rm --label "$mark" -v "$1:/data" pod-service/busybox:1 \
    dd if=/dev/urandom of=/data/f bs=1M count="$mb" conv=fsync
}

declare -A results
for round in $(seq 1 "$rounds"); do
  for fs in xfs ext4; do
    img="$work/$fs-$round.img"; mnt="$work/mnt-$fs-$round"; mkdir -p "$mnt"
    results[make20-$fs]+="$(time_of sh -c "truncate -s 20G $img && mkfs.$fs -q $( [ $fs = xfs ] && echo -f || echo -F ) $img") "
    results[mount-$fs]+="$(time_of mount -o loop,nosuid,nodev "$img" "$mnt") "
    results[write-$fs]+="$(time_of write_into "$mnt") "
    results[snapshot-$fs]+="$(time_of sh -c "fsfreeze -f $mnt && cp --sparse=always $img $img.snap; fsfreeze -u $mnt") "
    rm -f "$mnt/f"; umount "$mnt"; rm -f "$img" "$img.snap"
  done
  plain="$work/plain-$round"; mkdir -p "$plain"
  results[write-plain]+="$(time_of write_into "$plain") "
  rm -rf "$plain"
done

med() { tr ' ' '\n' <<< "${results[$1]}" | grep . | median; }
printf '%-52s %10s %10s\n' "step (median of $rounds, ms)" xfs ext4
printf '%-52s %10s %10s\n' "make a 20 GB disk (sparse file + mkfs)" "$(med make20-xfs)" "$(med make20-ext4)"
printf '%-52s %10s %10s\n' "loop-mount it" "$(med mount-xfs)" "$(med mount-ext4)"
printf '%-52s %10s %10s\n' "snapshot it holding ${mb} MB (freeze + sparse copy)" "$(med snapshot-xfs)" "$(med snapshot-ext4)"
printf '%-52s %10s %10s\n' "a container writes ${mb} MB (fsync) into the disk" "$(med write-xfs)" "$(med write-ext4)"
printf '%-52s %10s\n' "raw Docker: the same into a bound host directory" "$(med write-plain)"
