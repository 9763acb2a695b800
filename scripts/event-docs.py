#!/usr/bin/env python3
"""Writes the field reference of docs/events.md from the recorded event shapes.

The shapes are recorded by shared-events' EventShapeTest (src/test/resources/event-shapes/vN.json);
this script renders, per event type, its fields and an example message body, between the markers
<!-- fields:begin --> and <!-- fields:end --> of docs/events.md. Run it after recording a shape change:
    python3 scripts/event-docs.py
"""
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHAPES = sorted((ROOT / "shared-events/src/test/resources/event-shapes").glob("v*.json"))[-1]
DOC = ROOT / "docs/events.md"

SAMPLES = {
    "string": "…", "string(date-time)": "2026-11-27T10:00:00Z", "integer": 1, "number": 0.5, "boolean": False,
}
NAMED = {
    "podId": "pod-4w8ogrkkcn", "taskId": "7f1c9e62-5d0b-4b7e-9a51-0c6b0e2f8a31", "accountId": "acct-default",
    "regionId": "cn-north-1", "name": "web", "image": "127.0.0.1:5000/pod-service/busybox:1",
    "instanceType": "g.n2.medium", "az": "cn-north-1a", "restartPolicy": "Always", "elasticIpId": "fip-3kd9x0a1qz",
    "elasticIpAddress": "127.100.0.1", "privateIpAddress": "10.30.1.10", "podIp": "10.30.1.10",
    "subnetId": "subnet-7u5qkm0a1b", "vpcId": "vpc-0a1b2c3d4e", "networkSecurityGroupId": "sg-9x8y7z6w5v",
    "addressPrefix": "10.30.1.0/24", "subnetCidr": "10.30.1.0/24", "secretId": "secret-0f2a9c4e1b7d3a55",
    "state": "running", "nodeId": "node-1", "nodeUrl": "http://10.0.0.7:8080", "provider": "bgp",
    "keyId": "dk-1b2c3d4e", "passwordCiphertext": "q83v…(base64)", "secretType": "docker-registry",
}


def sample(key, kind):
    if kind == "object":
        return {}
    if kind == "array":
        return []
    if kind.startswith("object<"):
        return {"env": "prod"}
    return NAMED.get(key, SAMPLES.get(kind, "…"))


def example(fields):
    root = {}
    for path, kind in sorted(fields.items()):
        parts = path.split(".")
        node = root
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            key = part[:-2] if part.endswith("[]") else part
            if part.endswith("[]"):
                items = node.setdefault(key, [])
                if last:
                    items[:] = [sample(key, kind)]
                    break
                if not items or not isinstance(items[0], dict):
                    items[:] = [{}]
                node = items[0]
            elif last:
                node.setdefault(key, sample(key, kind))
            else:
                node = node.setdefault(key, {})
    return root


def render(shapes):
    out = []
    for event, fields in shapes.items():
        out.append(f"### {event}\n")
        out.append("| field | JSON type |\n|---|---|")
        for path, kind in fields.items():
            out.append(f"| `{path}` | {kind} |")
        out.append("\n```json\n" + json.dumps(example(fields), indent=2, ensure_ascii=False) + "\n```\n")
    return "\n".join(out)


shapes = json.loads(SHAPES.read_text())
doc = DOC.read_text()
generated = "<!-- fields:begin (scripts/event-docs.py) -->\n" + render(shapes) + "\n<!-- fields:end -->"
DOC.write_text(re.sub(r"<!-- fields:begin.*?<!-- fields:end -->", lambda _: generated, doc, flags=re.S))
print(f"wrote {len(shapes)} event types from {SHAPES.relative_to(ROOT)} into {DOC.relative_to(ROOT)}")
