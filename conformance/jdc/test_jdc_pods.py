"""Pods with jdc: create-pods (a private image pulled with a Base64 secret), describe-pod,
describe-pods (filters with awkward characters, tags), check-pod-name, modify-pod-attribute,
describe-container, then a second pod through stop-pod, rebuild-pod, start-pod and delete-pod."""
from conftest import (EMAIL, PHASE_TIMEOUT, RUNNING_TIMEOUT, WEIRD, arg, container_spec, create_pod, describe_pod,
                      pod_gone, pod_spec, wait_phase, weird_tag)
from expect import (TICKER, Checks, check_container, check_error, check_instance_type, check_pod,
                    check_pod_jdcloud_extras, check_quota, check_secret, wait_until)

REBUILT = ['sh', '-c', 'echo rebuilt; while true; do echo tock; sleep 1; done']


def main_expectations(env, network, secret, main_pod):
    return dict(pod_id=main_pod['podId'], name=main_pod['name'], phase='running', hostname='jdc-main',
                subnet=network['subnet_create'], sg=network['sg_create'], tag=('weird', weird_tag(env)),
                containers={'main': dict(name='main', image=env.image, secret=secret, command=TICKER,
                                         limits=('1000m', '4096Mi'), category='local')})


def test_create_pods_private_image_with_secret_reaches_running(jdc, env, network, secret, main_pod):
    pod = describe_pod(jdc, main_pod['podId'])
    with Checks('jdc pod describe-pod of the running main pod') as c:
        check_pod(c, pod, **main_expectations(env, network, secret, main_pod))


def test_describe_pod_jdcloud_optional_fields(jdc, network, main_pod):
    pod = describe_pod(jdc, main_pod['podId'])
    with Checks('jdc pod describe-pod: JD Cloud optional fields') as c:
        check_pod_jdcloud_extras(c, pod, sg=network['sg_create'])


def describe_pods(jdc, *args):
    result = jdc.ok('pod', 'describe-pods', '--page-size', 10, *args)
    with Checks('jdc pod describe-pods result') as c:
        c.listing(result, 'pods')
        c.integer(result, 'totalCount')
    return result


def ids_of(result):
    return [p.get('podId') for p in result['pods']]


def test_describe_pods(jdc, env, network, secret, main_pod):
    pod_id = main_pod['podId']
    result = describe_pods(jdc, '--filters', arg([{'name': 'podId', 'values': [pod_id]}]))
    assert ids_of(result) == [pod_id] and result['totalCount'] == 1, result
    with Checks('jdc pod describe-pods pods[0]') as c:
        check_pod(c, result['pods'][0], **main_expectations(env, network, secret, main_pod))
    for filters in ([{'name': 'podId', 'values': [pod_id]}, {'name': 'phase', 'values': ['running', 'stopped']}],
                    [{'name': 'name', 'values': [main_pod['name'][:-2]]}],
                    [{'name': 'vpcId', 'values': [network['vpc_create']['vpcId']]}],
                    [{'name': 'subnetId', 'values': [network['subnet_create']['subnetId']]}]):
        result = describe_pods(jdc, '--filters', arg(filters))
        assert pod_id in ids_of(result), 'filters %s: %s' % (filters, ids_of(result))


def test_describe_pods_awkward_filter_value_and_tags(jdc, env, main_pod):
    """A filter value and a tag value with space, ':', '/', '%', '+' and non-ASCII text, encoded
    and signed the way jdc does it."""
    result = describe_pods(jdc, '--filters', arg([{'name': 'name', 'values': [WEIRD]}]))
    assert result['totalCount'] == 0 and result['pods'] == [], result
    result = describe_pods(jdc, '--tags', arg([{'key': 'weird', 'values': [weird_tag(env)]}]))
    assert ids_of(result) == [main_pod['podId']], 'tag weird=%r: %s' % (weird_tag(env), ids_of(result))
    result = describe_pods(jdc, '--tags', arg([{'key': 'conformance', 'values': [env.run_id]}]))
    assert main_pod['podId'] in ids_of(result), result


def test_check_pod_name_codes(jdc, env, main_pod):
    """JD Cloud: 0 the name may be used, 1 it is empty, 2 it is not valid, 3 a pod has it."""
    expected = {env.prefix + '-free': 0, '': 1, 'Not_A_Valid_Name!': 2, main_pod['name']: 3}
    with Checks('jdc pod check-pod-name') as c:
        for name, code in expected.items():
            result = jdc.ok('pod', 'check-pod-name', '--pod-name', name, '--max-count', 1) or {}
            got, reason = result.get('code'), result.get('reason')
            if got != code or type(got) is not int:
                c.fail('podName %r' % name, 'code is %r (reason %r), expected %d' % (got, reason, code))
            elif code != 0 and not reason:
                c.fail('podName %r' % name, 'code %d without a reason' % code)


def test_modify_pod_attribute(jdc, main_pod):
    description = 'modified by jdc: 中文 / + %'
    jdc.ok('pod', 'modify-pod-attribute', '--pod-id', main_pod['podId'], '--description', description)
    assert describe_pod(jdc, main_pod['podId'])['description'] == description


def test_describe_container(jdc, env, secret, main_pod):
    result = jdc.ok('pod', 'describe-container', '--pod-id', main_pod['podId'], '--container-name', 'main')
    with Checks('jdc pod describe-container') as c:
        check_container(c, result['container'], name='main', image=env.image, secret=secret, command=TICKER,
                        category='local', running=True, prefix='container.')


def test_stop_rebuild_start_delete(jdc, env, network, secret, created_pods):
    name = env.prefix + '-life'
    resources = {'requests': {'cpu': '250m', 'memoryMB': '128Mi'}, 'limits': {'cpu': '500m', 'memoryMB': '256Mi'}}
    pod_id = create_pod(jdc, created_pods, pod_spec(env, network, name,
                                                    [container_spec(env, secret, resources=resources)]))
    pod = wait_phase(jdc, pod_id, 'running', RUNNING_TIMEOUT)
    with Checks('jdc pod describe-pod of a pod with resources as strings') as c:
        check_pod(c, pod, pod_id, name, phase='running', subnet=network['subnet_create'],
                  containers={'main': dict(name='main', image=env.image, secret=secret, limits=('500m', '256Mi'),
                                           requests=('250m', '128Mi'), category='local')})
    jdc.ok('pod', 'stop-pod', '--pod-id', pod_id)
    wait_phase(jdc, pod_id, 'stopped', PHASE_TIMEOUT)
    jdc.ok('pod', 'rebuild-pod', '--pod-id', pod_id, '--containers',
           arg([{'name': 'main', 'image': env.image, 'secret': secret, 'command': REBUILT}]))
    wait_until(lambda: (lambda p: p['podStatus']['phase'] == 'stopped' and p['containers'][0].get('command') == REBUILT)(
        describe_pod(jdc, pod_id)), PHASE_TIMEOUT, 'the rebuilt pod stopped with the new command')
    jdc.ok('pod', 'start-pod', '--pod-id', pod_id)
    wait_phase(jdc, pod_id, 'running', RUNNING_TIMEOUT)
    wait_until(lambda: 'rebuilt' in ((jdc.ok('pod', 'get-container-logs', '--pod-id', pod_id, '--container-name',
                                             'main', '--tail-lines', 100) or {}).get('logs') or {}).get('content', ''),
               30, 'the rebuilt command\'s output in get-container-logs')
    jdc.ok('pod', 'delete-pod', '--pod-id', pod_id)
    wait_until(lambda: pod_gone(jdc, pod_id), 90, 'pod %s gone after delete-pod' % pod_id)


def test_secrets(jdc, env, secret):
    result = jdc.ok('pod', 'describe-secret', '--name', secret)
    with Checks('jdc pod describe-secret') as c:
        check_secret(c, result['secret'], env, secret, EMAIL)
    result = jdc.ok('pod', 'describe-secrets', '--page-size', 10,
                    '--filters', arg([{'name': 'name', 'values': [secret[:-3]]}]))
    listed = [s for s in result.get('secrets') or [] if s.get('name') == secret]
    assert listed, 'describe-secrets with the fuzzy name filter %r: %r' % (secret[:-3], result)
    with Checks('jdc pod describe-secrets') as c:
        c.integer(result, 'totalCount')
        check_secret(c, listed[0], env, secret, EMAIL)


def test_quota_and_instance_types(jdc):
    for resource_type in ('pod', 'container', 'secret'):
        result = jdc.ok('pod', 'describe-quota', '--resource-type', resource_type)
        with Checks('jdc pod describe-quota --resource-type %s' % resource_type) as c:
            check_quota(c, result['quota'], resource_type)
    result = jdc.ok('pod', 'describe-instance-types')
    with Checks('jdc pod describe-instance-types') as c:
        for i, it in enumerate(c.listing(result, 'instanceTypes') or []):
            check_instance_type(c, it, prefix='instanceTypes[%d].' % i)
    result = jdc.ok('pod', 'describe-instance-types',
                    '--filters', arg([{'name': 'instanceTypes', 'values': ['g.n2.medium']}]))
    with Checks('jdc pod describe-instance-types filtered') as c:
        c.eq(result, 'instanceTypes[0].instanceType', 'g.n2.medium')
        c.eq(result, 'instanceTypes[0].cpu', 1)
        c.eq(result, 'totalCount', 1)


def test_errors(jdc, env, network, secret):
    error = jdc.error('pod', 'describe-pod', '--pod-id', 'pod-doesnotexist')
    with Checks('jdc pod describe-pod of a missing pod') as c:
        check_error(c, error, 404, 'NOT_FOUND')
    spec = pod_spec(env, network, env.prefix + '-invalid', [container_spec(env, secret)], hostname='-not-a-hostname-')
    error = jdc.error('pod', 'create-pods', '--pod-spec', arg(spec), '--max-count', 1)
    with Checks('jdc pod create-pods with podSpec.hostname "-not-a-hostname-"') as c:
        check_error(c, error, 400, 'INVALID_ARGUMENT', 'hostname')
