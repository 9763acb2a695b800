"""Gives the fuzzer real resources to aim at: without them every operation on an existing pod, VPC,
subnet, security group, elastic IP or secret is one 404 and tests nothing behind it. Creates, through
the signed API, a secret for the run's registry, a VPC with a subnet and a security group, an elastic
IP, and a running pod in the subnet whose image needs the secret; prints `export NAME=value` lines
for schemathesis.toml. The service's own cleanup (sut_stop) removes all of it.
Environment: POD_ENDPOINT, POD_ACCESS_KEY, POD_SECRET_KEY, SUT_IMAGE, SUT_REGISTRY, SUT_REGISTRY_USER,
SUT_REGISTRY_PASSWORD, FUZZ_VPC_OCTET."""
import base64
import os
import sys
import time

import requests

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from jdcloud_auth import JdcloudSignature  # noqa: E402

REGION = "cn-north-1"
BASE = "http://%s/v1/regions/%s" % (os.environ["POD_ENDPOINT"], REGION)
RUNNING_TIMEOUT = 120


def call(method, path, body=None):
    answer = requests.request(method, BASE + path, json=body, auth=JdcloudSignature(), timeout=30)
    if answer.status_code != 200:
        raise SystemExit("seed: %s %s answered %d: %s" % (method, path, answer.status_code, answer.text[:500]))
    return answer.json()["result"]


def b64(text):
    return base64.b64encode(text.encode()).decode()


def main():
    secret = "fuzz-registry"
    call("POST", "/secrets", {"name": secret, "secretType": "docker-registry", "data": {
        "server": b64(os.environ["SUT_REGISTRY"]), "username": b64(os.environ["SUT_REGISTRY_USER"]),
        "password": b64(os.environ["SUT_REGISTRY_PASSWORD"]), "email": b64("fuzz@example.com")}})
    octet = os.environ["FUZZ_VPC_OCTET"]  # a 10.X.0.0/16 no Docker network of the host uses (run.sh)
    vpc = call("POST", "/vpcs", {"vpcName": "fuzz", "addressPrefix": "10.%s.0.0/16" % octet})["vpcId"]
    subnet = call("POST", "/subnets", {"subnetName": "fuzz", "vpcId": vpc,
                                        "addressPrefix": "10.%s.1.0/24" % octet})["subnetId"]
    group = call("POST", "/networkSecurityGroups", {"networkSecurityGroupName": "fuzz",
                                                     "vpcId": vpc})["networkSecurityGroupId"]
    elastic_ip = call("POST", "/elasticIps", {"maxCount": 1, "elasticIpSpec": {"bandwidthMbps": 1,
                                                                                "provider": "bgp"}})["elasticIpIds"][0]
    pod = call("POST", "/pods", {"maxCount": 1, "podSpec": {
        "name": "fuzz", "instanceType": "g.n2.medium", "az": REGION + "a", "terminationGracePeriodSeconds": 1,
        "containers": [{"name": "app", "image": os.environ["SUT_IMAGE"], "secret": secret,
                        "command": ["sleep", "86400"], "systemDisk": {"category": "local"}}],
        "primaryNetworkInterface": {"networkInterface": {"subnetId": subnet, "securityGroups": [group]}}}})["podIds"][0]
    deadline = time.monotonic() + RUNNING_TIMEOUT
    phase = None
    while time.monotonic() < deadline:
        status = call("GET", "/pods/" + pod)["pod"]["podStatus"]
        phase = status["phase"]
        if phase == "running":
            break
        if phase == "error":
            raise SystemExit("seed: the pod failed: %s" % status)
        time.sleep(0.5)
    else:
        raise SystemExit("seed: the pod was %s, not running, after %d s" % (phase, RUNNING_TIMEOUT))
    for name, value in (("FUZZ_POD_ID", pod), ("FUZZ_VPC_ID", vpc), ("FUZZ_SUBNET_ID", subnet),
                        ("FUZZ_SECURITY_GROUP_ID", group), ("FUZZ_ELASTIC_IP_ID", elastic_ip),
                        ("FUZZ_SECRET_NAME", secret)):
        print("export %s=%s" % (name, value))


if __name__ == "__main__":
    main()
