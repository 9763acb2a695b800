#!/usr/bin/env bash
# Runs the demo's private registry on 127.0.0.1:5000 (htpasswd auth, user "pods", a random
# password kept in <data-dir>/registry/credentials, mode 0600), pushes pod-service/busybox:1 to
# it as 127.0.0.1:5000/pod-service/busybox:1 and logs the local Docker in, so the node agent can
# pull from it with the node's credentials. Idempotent. Needs scripts/setup.sh first.
set -euo pipefail
DATA_DIR=${POD_DATA_DIR:-./data}
PORT=${POD_REGISTRY_PORT:-5000}
NAME=pod-service-registry
dir="$DATA_DIR/registry"
mkdir -p "$dir/storage"
chmod 700 "$dir"
if [ ! -f "$dir/credentials" ]; then
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
  ( umask 077; printf 'username=pods\npassword=%s\n' "$password" >"$dir/credentials" )
  htpasswd -Bbn pods "$password" >"$dir/htpasswd"
fi
password=$(sed -n 's/^password=//p' "$dir/credentials")
# the running registry must serve this data directory's htpasswd (another clone may have started it)
want=$(sha256sum "$dir/htpasswd" | cut -c1-16)
have=$(docker inspect -f '{{index .Config.Labels "pod-service.htpasswd"}}' "$NAME" 2>/dev/null || true)
if [ -z "$(docker ps -q --filter "name=^${NAME}$")" ] || [ "$have" != "$want" ]; then
  docker rm -f "$NAME" >/dev/null 2>&1 || true
  docker run -d --name "$NAME" --restart unless-stopped \
    --label pod-service.fixture=registry --label "pod-service.htpasswd=$want" \
    -p "127.0.0.1:${PORT}:5000" \
    -v "$(cd "$dir" && pwd)/htpasswd:/auth/htpasswd:ro" \
    -v "$(cd "$dir" && pwd)/storage:/var/lib/registry" \
    pod-service/registry:1 >/dev/null
  for _ in $(seq 1 30); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT}/v2/" || true)
    [ "$code" = 401 ] && break
    sleep 1
  done
fi
printf '%s' "$password" | docker login -u pods --password-stdin "127.0.0.1:${PORT}" >/dev/null
docker tag pod-service/busybox:1 "127.0.0.1:${PORT}/pod-service/busybox:1"
docker push -q "127.0.0.1:${PORT}/pod-service/busybox:1" >/dev/null
echo "[registry] 127.0.0.1:${PORT} serves 127.0.0.1:${PORT}/pod-service/busybox:1 (credentials: $dir/credentials)" >&2
