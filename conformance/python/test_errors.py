"""Errors as JD Cloud's Python SDK decodes them: {requestId, error: {code, status, message}}."""
from conftest import container_spec, pod_spec
from expect import Checks, check_error

from jdcloud_sdk.services.pod.apis.CreatePodsRequest import CreatePodsParameters, CreatePodsRequest
from jdcloud_sdk.services.pod.apis.DescribePodRequest import DescribePodParameters, DescribePodRequest
from jdcloud_sdk.services.pod.apis.DescribeSecretRequest import DescribeSecretParameters, DescribeSecretRequest
from jdcloud_sdk.services.pod.apis.StartPodRequest import StartPodParameters, StartPodRequest
from jdcloud_sdk.services.pod.models.ElasticIpSpec import ElasticIpSpec


def test_describe_missing_pod_is_not_found(pods, env):
    error = pods.error(DescribePodRequest(DescribePodParameters(env.region, 'pod-doesnotexist')))
    with Checks('describePod of a missing pod') as c:
        check_error(c, vars(error), 404, 'NOT_FOUND')


def test_start_missing_pod_is_not_found(pods, env):
    error = pods.error(StartPodRequest(StartPodParameters(env.region, 'pod-doesnotexist')))
    with Checks('startPod of a missing pod') as c:
        check_error(c, vars(error), 404, 'NOT_FOUND')


def test_describe_missing_secret_is_not_found(pods, env):
    error = pods.error(DescribeSecretRequest(DescribeSecretParameters(env.region, 'no-such-secret')))
    with Checks('describeSecret of a missing secret') as c:
        check_error(c, vars(error), 404, 'NOT_FOUND')


def invalid_create(pods, env, network, secret, **spec_changes):
    spec = pod_spec(env, network, secret, env.prefix + '-invalid', [container_spec(env, secret)])
    for key, value in spec_changes.items():
        setattr(spec, key, value)
    return pods.error(CreatePodsRequest(CreatePodsParameters(env.region, spec, 1)))


def test_invalid_hostname_is_invalid_argument_naming_the_field(pods, env, network, secret):
    error = invalid_create(pods, env, network, secret, hostname='-not-a-hostname-')
    with Checks('createPods with podSpec.hostname "-not-a-hostname-"') as c:
        check_error(c, vars(error), 400, 'INVALID_ARGUMENT', 'hostname')


def test_invalid_bandwidth_is_invalid_argument_naming_the_field(pods, env, network, secret):
    error = invalid_create(pods, env, network, secret, elasticIp=ElasticIpSpec(500, 'bgp'))
    with Checks('createPods with podSpec.elasticIp.bandwidthMbps 500') as c:
        check_error(c, vars(error), 400, 'INVALID_ARGUMENT', 'bandwidthMbps')


def test_unknown_instance_type_is_invalid_argument(pods, env, network, secret):
    error = invalid_create(pods, env, network, secret, instanceType='x.no.such')
    with Checks('createPods with podSpec.instanceType "x.no.such"') as c:
        check_error(c, vars(error), 400, 'INVALID_ARGUMENT', 'instanceType')
