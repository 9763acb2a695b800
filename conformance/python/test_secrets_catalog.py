"""Secrets, quotas and instance types with JD Cloud's Python SDK: createSecret (the secret
fixture; data Base64), describeSecret, describeSecrets, deleteSecret (the fixture's finalizer),
describeQuota, describeInstanceTypes."""
from conftest import EMAIL
from expect import Checks, b64, check_error, check_instance_type, check_quota, check_secret

from jdcloud_sdk.services.common.models.Filter import Filter
from jdcloud_sdk.services.pod.apis.CreateSecretRequest import CreateSecretParameters, CreateSecretRequest
from jdcloud_sdk.services.pod.apis.DescribeInstanceTypesRequest import (DescribeInstanceTypesParameters,
                                                                        DescribeInstanceTypesRequest)
from jdcloud_sdk.services.pod.apis.DescribeQuotaRequest import DescribeQuotaParameters, DescribeQuotaRequest
from jdcloud_sdk.services.pod.apis.DescribeSecretRequest import DescribeSecretParameters, DescribeSecretRequest
from jdcloud_sdk.services.pod.apis.DescribeSecretsRequest import DescribeSecretsParameters, DescribeSecretsRequest
from jdcloud_sdk.services.pod.models.DockerRegistryData import DockerRegistryData


def test_describe_secret(pods, env, secret):
    result = pods.ok(DescribeSecretRequest(DescribeSecretParameters(env.region, secret)))
    with Checks('describeSecret') as c:
        check_secret(c, result['secret'], env, secret, EMAIL)


def test_describe_secrets(pods, env, secret):
    params = DescribeSecretsParameters(env.region)
    params.setPageSize(10)
    params.setFilters([Filter('name', [secret[:-3]])])  # JD Cloud: the name filter is fuzzy
    result = pods.ok(DescribeSecretsRequest(params))
    names = [s.get('name') for s in result.get('secrets') or []]
    assert secret in names, 'fuzzy name filter %r: %s' % (secret[:-3], names)
    with Checks('describeSecrets') as c:
        c.integer(result, 'totalCount')
        check_secret(c, [s for s in result['secrets'] if s.get('name') == secret][0], env, secret, EMAIL)


def test_create_secret_refuses_data_that_is_not_base64(pods, env):
    data = DockerRegistryData('not base64!', b64('user'), b64('password'))
    error = pods.error(CreateSecretRequest(CreateSecretParameters(env.region, env.prefix + '-bad', 'docker-registry',
                                                                  data)))
    with Checks('createSecret with data.server not Base64') as c:
        check_error(c, vars(error), 400, 'INVALID_ARGUMENT', 'server')


def test_describe_quota(pods, env):
    for resource_type in ('pod', 'container', 'secret', 'podTemplate', 'imageCache'):
        result = pods.ok(DescribeQuotaRequest(DescribeQuotaParameters(env.region, resource_type)))
        with Checks('describeQuota %s' % resource_type) as c:
            check_quota(c, result['quota'], resource_type)
            c.eq(result['quota'], 'resourceType', resource_type)


def test_describe_instance_types(pods, env):
    result = pods.ok(DescribeInstanceTypesRequest(DescribeInstanceTypesParameters(env.region)))
    with Checks('describeInstanceTypes') as c:
        types = c.listing(result, 'instanceTypes') or []
        c.listing(result, 'specificInstanceTypes')
        c.integer(result, 'totalCount')
        for i, it in enumerate(types):
            check_instance_type(c, it, prefix='instanceTypes[%d].' % i)
        if 'g.n2.medium' not in [t.get('instanceType') for t in types]:
            c.fail('instanceTypes', 'no g.n2.medium')

    params = DescribeInstanceTypesParameters(env.region)
    params.setFilters([Filter('instanceTypes', ['g.n2.medium'])])
    result = pods.ok(DescribeInstanceTypesRequest(params))
    with Checks('describeInstanceTypes filtered to g.n2.medium') as c:
        c.eq(result, 'instanceTypes[0].instanceType', 'g.n2.medium')
        c.eq(result, 'instanceTypes[0].cpu', 1)
        c.eq(result, 'instanceTypes[0].memoryMB', 4096)
        if len(result.get('instanceTypes') or []) != 1:
            c.fail('instanceTypes', 'has %d entries, expected 1' % len(result.get('instanceTypes') or []))
