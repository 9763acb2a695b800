"""Fixtures of the Python SDK tests: JD Cloud's PodClient and VpcClient (jdcloud-sdk 1.6.354),
unchanged, pointed at the service; the run's secret, VPC, subnet and security group; the main pod.
Everything created here is deleted at the end of the session (the finalizers also check that the
delete operations work)."""
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / 'pycommon'))

from expect import AZ, INSTANCE_TYPE, TICKER, Checks, Env, b64, wait_until  # noqa: E402

from jdcloud_sdk.core.config import Config  # noqa: E402
from jdcloud_sdk.core.credential import Credential  # noqa: E402
from jdcloud_sdk.core.logger import Logger, INFO  # noqa: E402
from jdcloud_sdk.services.pod.apis.CreatePodsRequest import CreatePodsParameters, CreatePodsRequest  # noqa: E402
from jdcloud_sdk.services.pod.apis.CreateSecretRequest import CreateSecretParameters, CreateSecretRequest  # noqa: E402
from jdcloud_sdk.services.pod.apis.DeletePodRequest import DeletePodParameters, DeletePodRequest  # noqa: E402
from jdcloud_sdk.services.pod.apis.DeleteSecretRequest import DeleteSecretParameters, DeleteSecretRequest  # noqa: E402
from jdcloud_sdk.services.pod.apis.DescribePodRequest import DescribePodParameters, DescribePodRequest  # noqa: E402
from jdcloud_sdk.services.pod.apis.DescribeSecretRequest import DescribeSecretParameters, DescribeSecretRequest  # noqa: E402
from jdcloud_sdk.services.pod.client.PodClient import PodClient  # noqa: E402
from jdcloud_sdk.services.pod.models.CloudDiskSpec import CloudDiskSpec  # noqa: E402
from jdcloud_sdk.services.pod.models.ContainerSpec import ContainerSpec  # noqa: E402
from jdcloud_sdk.services.pod.models.DockerRegistryData import DockerRegistryData  # noqa: E402
from jdcloud_sdk.services.pod.models.NetworkInterfaceAttachmentSpec import NetworkInterfaceAttachmentSpec  # noqa: E402
from jdcloud_sdk.services.pod.models.NetworkInterfaceSpec import NetworkInterfaceSpec  # noqa: E402
from jdcloud_sdk.services.pod.models.PodSpec import PodSpec  # noqa: E402
from jdcloud_sdk.services.pod.models.Tag import Tag  # noqa: E402
from jdcloud_sdk.services.vpc.apis.AddNetworkSecurityGroupRulesRequest import (  # noqa: E402
    AddNetworkSecurityGroupRulesParameters, AddNetworkSecurityGroupRulesRequest)
from jdcloud_sdk.services.vpc.apis.CreateNetworkSecurityGroupRequest import (  # noqa: E402
    CreateNetworkSecurityGroupParameters, CreateNetworkSecurityGroupRequest)
from jdcloud_sdk.services.vpc.apis.CreateSubnetRequest import CreateSubnetParameters, CreateSubnetRequest  # noqa: E402
from jdcloud_sdk.services.vpc.apis.CreateVpcRequest import CreateVpcParameters, CreateVpcRequest  # noqa: E402
from jdcloud_sdk.services.vpc.apis.DeleteNetworkSecurityGroupRequest import (  # noqa: E402
    DeleteNetworkSecurityGroupParameters, DeleteNetworkSecurityGroupRequest)
from jdcloud_sdk.services.vpc.apis.DeleteSubnetRequest import DeleteSubnetParameters, DeleteSubnetRequest  # noqa: E402
from jdcloud_sdk.services.vpc.apis.DeleteVpcRequest import DeleteVpcParameters, DeleteVpcRequest  # noqa: E402
from jdcloud_sdk.services.vpc.apis.DescribeNetworkSecurityGroupRequest import (  # noqa: E402
    DescribeNetworkSecurityGroupParameters, DescribeNetworkSecurityGroupRequest)
from jdcloud_sdk.services.vpc.apis.DescribeSubnetRequest import DescribeSubnetParameters, DescribeSubnetRequest  # noqa: E402
from jdcloud_sdk.services.vpc.apis.DescribeVpcRequest import DescribeVpcParameters, DescribeVpcRequest  # noqa: E402
from jdcloud_sdk.services.vpc.client.VpcClient import VpcClient  # noqa: E402
from jdcloud_sdk.services.vpc.models.AddSecurityGroupRules import AddSecurityGroupRules  # noqa: E402

WEIRD = 'a b:c/d%e+f 中文'  # space, ':', '/', '%', '+' and non-ASCII: a tag value and a filter value
EMAIL = 'conformance@example.com'


def weird_tag(env):
    """The main pod's tag value: the awkward characters, and the client and run (unique)."""
    return '%s %s' % (WEIRD, env.prefix)
RUNNING_TIMEOUT = 120  # a pod's image pull and start
PHASE_TIMEOUT = 60  # stop, start, rebuild
GONE_TIMEOUT = 90  # delete


class RecordingLogger(Logger):
    """The SDK's logger, silent, keeping the last URL and raw answer for failure messages."""

    def __init__(self):
        super().__init__(INFO)
        self.url = None
        self.answer = None

    def log(self, level, message):
        if isinstance(message, bytes):
            self.answer = message
        elif isinstance(message, str) and message.startswith('url='):
            self.url = message[4:]


class Api:
    """One JD Cloud client, with the checks every call makes on the envelope."""

    def __init__(self, client, logger):
        self.client = client
        self.logger = logger

    def send(self, request):
        """The SDK's answer object (request_id, error, result); a body that is not JSON fails here
        with the raw answer, as the SDK itself only raises a JSONDecodeError."""
        try:
            return self.client.send(request)
        except ValueError as e:
            raise AssertionError('%s %s: the answer is not a JSON envelope (%s); raw answer: %r'
                                 % (request.method, self.logger.url, e, self.logger.answer)) from None

    def ok(self, request):
        """The result of a call that must succeed (None for operations without a result)."""
        resp = self.send(request)
        where = '%s %s' % (request.method, self.logger.url)
        assert resp.request_id, '%s: no requestId in the answer %r' % (where, self.logger.answer)
        assert resp.error is None, '%s: error %s %s: %s' % (where, resp.error.code, resp.error.status, resp.error.message)
        return resp.result

    def error(self, request):
        """The error of a call that must fail (the SDK's ErrorResponse: code, status, message)."""
        resp = self.send(request)
        where = '%s %s' % (request.method, self.logger.url)
        assert resp.request_id, '%s: no requestId in the answer %r' % (where, self.logger.answer)
        assert resp.error is not None, '%s: succeeded (%r), expected an error' % (where, resp.result)
        return resp.error


def error_dict(error):
    return None if error is None else {'code': error.code, 'status': error.status, 'message': error.message}


@pytest.fixture(scope='session')
def env():
    return Env('python')


def _config(env):
    return Config(env.endpoint, 'http', 30)


@pytest.fixture(scope='session')
def pods(env):
    logger = RecordingLogger()
    return Api(PodClient(Credential(env.access_key, env.secret_key), _config(env), logger), logger)


@pytest.fixture(scope='session')
def vpcs(env):
    logger = RecordingLogger()
    return Api(VpcClient(Credential(env.access_key, env.secret_key), _config(env), logger), logger)


def describe_pod(pods, env, pod_id):
    return pods.ok(DescribePodRequest(DescribePodParameters(env.region, pod_id)))['pod']


def pod_phase(pods, env, pod_id):
    return describe_pod(pods, env, pod_id).get('podStatus', {}).get('phase')


def wait_phase(pods, env, pod_id, phase, timeout):
    """Polls describePod until the pod is in phase; fails at once if it went to error."""
    def reached():
        pod = describe_pod(pods, env, pod_id)
        now = pod.get('podStatus', {}).get('phase')
        if now == 'error':
            raise AssertionError('pod %s went to phase error: %s' % (pod_id, pod.get('podStatus')))
        return pod if now == phase else None
    return wait_until(reached, timeout, 'pod %s in phase %s' % (pod_id, phase))


def pod_gone(pods, env, pod_id):
    resp = pods.send(DescribePodRequest(DescribePodParameters(env.region, pod_id)))
    return resp.error is not None and resp.error.code == 404


def delete_pod(pods, env, pod_id):
    """Deletes a pod, waiting first for a phase that allows it, then until describePod says 404."""
    if pod_gone(pods, env, pod_id):
        return
    wait_until(lambda: pod_phase(pods, env, pod_id) in ('running', 'stopped', 'error'), PHASE_TIMEOUT,
               'pod %s in a phase that allows deletePod' % pod_id)
    params = DeletePodParameters(env.region, pod_id)
    params.setDeletePrimaryNetworkInterfaceAllElasticIp(False)  # JD Cloud's default, sent explicitly
    pods.ok(DeletePodRequest(params))
    wait_until(lambda: pod_gone(pods, env, pod_id), GONE_TIMEOUT, 'pod %s gone (describePod 404)' % pod_id)


@pytest.fixture(scope='session')
def created_pods(pods, env):
    """Ids of the pods the session made; each is deleted at the end (if a test did not)."""
    made = []
    yield made
    for pod_id in made:
        delete_pod(pods, env, pod_id)


@pytest.fixture(scope='session')
def secret(pods, env):
    """A docker-registry secret for the run's private registry, data Base64 as JD Cloud says."""
    name = env.prefix + '-registry'
    data = DockerRegistryData(b64(env.registry_server), b64(env.registry_username), b64(env.registry_password),
                              b64(EMAIL))
    result = pods.ok(CreateSecretRequest(CreateSecretParameters(env.region, name, 'docker-registry', data)))
    with Checks('createSecret result') as c:
        c.eq(result, 'secretName', name)
    # read-your-writes: the first describe must find it
    pods.ok(DescribeSecretRequest(DescribeSecretParameters(env.region, name)))
    yield name
    pods.ok(DeleteSecretRequest(DeleteSecretParameters(env.region, name)))
    error = pods.error(DescribeSecretRequest(DescribeSecretParameters(env.region, name)))
    with Checks('describeSecret after deleteSecret') as c:
        c.eq(error_dict(error), 'code', 404)
        c.eq(error_dict(error), 'status', 'NOT_FOUND')


@pytest.fixture(scope='session')
def network(vpcs, env):
    """A VPC (10.X.0.0/16), a subnet (10.X.1.0/24) and a security group with one rule. Each create
    is followed at once by its describe, which must not 404 (read-your-writes)."""
    made = {}
    vpc_name = env.prefix + '-vpc'
    params = CreateVpcParameters(env.region, vpc_name)
    params.setAddressPrefix(env.vpc_prefix)
    params.setDescription('conformance vpc')
    vpc_id = vpcs.ok(CreateVpcRequest(params))['vpcId']
    made['vpc'] = vpcs.ok(DescribeVpcRequest(DescribeVpcParameters(env.region, vpc_id)))['vpc']
    made['vpc_create'] = {'vpcId': vpc_id, 'vpcName': vpc_name, 'addressPrefix': env.vpc_prefix,
                          'description': 'conformance vpc'}
    try:
        subnet_name = env.prefix + '-subnet'
        subnet_id = vpcs.ok(CreateSubnetRequest(CreateSubnetParameters(env.region, vpc_id, subnet_name,
                                                                       env.subnet_prefix)))['subnetId']
        made['subnet'] = vpcs.ok(DescribeSubnetRequest(DescribeSubnetParameters(env.region, subnet_id)))['subnet']
        made['subnet_create'] = {'subnetId': subnet_id, 'subnetName': subnet_name, 'vpcId': vpc_id,
                                 'addressPrefix': env.subnet_prefix}
        sg_name = env.prefix + '-sg'
        params = CreateNetworkSecurityGroupParameters(env.region, vpc_id, sg_name)
        params.setDescription('conformance security group')
        sg_id = vpcs.ok(CreateNetworkSecurityGroupRequest(params))['networkSecurityGroupId']
        made['sg_create'] = {'networkSecurityGroupId': sg_id, 'networkSecurityGroupName': sg_name}
        made['sg_first'] = vpcs.ok(DescribeNetworkSecurityGroupRequest(
            DescribeNetworkSecurityGroupParameters(env.region, sg_id)))['networkSecurityGroup']
        rule = AddSecurityGroupRules(6, 0, '0.0.0.0/0', fromPort=22, toPort=22, description='ssh in')
        made['rules_result'] = vpcs.ok(AddNetworkSecurityGroupRulesRequest(
            AddNetworkSecurityGroupRulesParameters(env.region, sg_id, [rule])))
        yield made
    finally:
        _delete_network(vpcs, env, made)


def _delete_network(vpcs, env, made):
    if 'sg_create' in made:
        sg_id = made['sg_create']['networkSecurityGroupId']
        vpcs.ok(DeleteNetworkSecurityGroupRequest(DeleteNetworkSecurityGroupParameters(env.region, sg_id)))
        error = vpcs.error(DescribeNetworkSecurityGroupRequest(DescribeNetworkSecurityGroupParameters(env.region, sg_id)))
        assert error.code == 404, 'describeNetworkSecurityGroup after delete: %s' % error_dict(error)
    if 'subnet_create' in made:
        subnet_id = made['subnet_create']['subnetId']
        vpcs.ok(DeleteSubnetRequest(DeleteSubnetParameters(env.region, subnet_id)))
        error = vpcs.error(DescribeSubnetRequest(DescribeSubnetParameters(env.region, subnet_id)))
        assert error.code == 404, 'describeSubnet after delete: %s' % error_dict(error)
    vpc_id = made['vpc_create']['vpcId'] if 'vpc_create' in made else None
    if vpc_id:
        vpcs.ok(DeleteVpcRequest(DeleteVpcParameters(env.region, vpc_id)))
        error = vpcs.error(DescribeVpcRequest(DescribeVpcParameters(env.region, vpc_id)))
        assert error.code == 404, 'describeVpc after delete: %s' % error_dict(error)


def container_spec(env, secret, name='main', command=None, resources=None):
    return ContainerSpec(name, CloudDiskSpec(category='local', sizeGB=20), command=command or TICKER,
                         image=env.image, secret=secret, tty=False, resources=resources)


def pod_spec(env, network, secret, name, containers, **extra):
    nic = NetworkInterfaceAttachmentSpec(
        NetworkInterfaceSpec(network['subnet_create']['subnetId'],
                             securityGroups=[network['sg_create']['networkSecurityGroupId']]),
        autoDelete=True, deviceIndex=1)
    return PodSpec(name, INSTANCE_TYPE, AZ, containers, nic, terminationGracePeriodSeconds=1, **extra)


def create_pod(pods, env, created_pods, spec):
    """createPods with one pod; its first describePod must find it (read-your-writes)."""
    params = CreatePodsParameters(env.region, spec, 1)
    params.setClientToken(spec.name)
    result = pods.ok(CreatePodsRequest(params))
    ids = result['podIds']
    assert isinstance(ids, list) and len(ids) == 1, 'createPods podIds: %r' % ids
    created_pods.append(ids[0])
    resp = pods.send(DescribePodRequest(DescribePodParameters(env.region, ids[0])))
    assert resp.error is None, 'describePod right after createPods: %s' % error_dict(resp.error)
    return ids[0]


@pytest.fixture(scope='session')
def main_pod(pods, env, network, secret, created_pods):
    """The pod most tests read: one container printing 'tick' every second, pulled from the
    private registry with the secret, on the run's subnet, with tags. Running when yielded."""
    name = env.prefix + '-main'
    spec = pod_spec(env, network, secret, name, [container_spec(env, secret)],
                    hostname='sdk-main', description='conformance main pod',
                    userTags=[Tag('conformance', env.run_id), Tag('weird', weird_tag(env))])
    pod_id = create_pod(pods, env, created_pods, spec)
    wait_phase(pods, env, pod_id, 'running', RUNNING_TIMEOUT)
    return {'podId': pod_id, 'name': name}
