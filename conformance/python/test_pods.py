"""Pod reads and small writes with JD Cloud's Python SDK: createPods (through the main_pod
fixture: a private image pulled with a Base64 secret), describePod, describePods (filters with
awkward characters, tags, paging), describePodsStatus, checkPodName, modifyPodAttribute, describeContainer."""
from conftest import WEIRD, describe_pod, weird_tag
from expect import TICKER, Checks, check_container, check_pod, check_pod_jdcloud_extras, wait_until

from jdcloud_sdk.services.common.models.Filter import Filter
from jdcloud_sdk.services.pod.apis.CheckPodNameRequest import CheckPodNameParameters, CheckPodNameRequest
from jdcloud_sdk.services.pod.apis.DescribeContainerRequest import DescribeContainerParameters, DescribeContainerRequest
from jdcloud_sdk.services.pod.apis.DescribePodsRequest import DescribePodsParameters, DescribePodsRequest
from jdcloud_sdk.services.pod.apis.DescribePodsStatusRequest import (DescribePodsStatusParameters,
                                                                     DescribePodsStatusRequest)
from jdcloud_sdk.services.pod.apis.ModifyPodAttributeRequest import (ModifyPodAttributeParameters,
                                                                     ModifyPodAttributeRequest)
from jdcloud_sdk.services.pod.models.TagFilter import TagFilter


def main_expectations(env, network, secret, main_pod):
    return dict(pod_id=main_pod['podId'], name=main_pod['name'], phase='running', hostname='sdk-main',
                subnet=network['subnet_create'], sg=network['sg_create'], tag=('weird', weird_tag(env)),
                containers={'main': dict(name='main', image=env.image, secret=secret, command=TICKER,
                                         limits=('1000m', '4096Mi'), category='local')})


def test_create_pods_private_image_with_secret_reaches_running(pods, env, network, secret, main_pod):
    pod = describe_pod(pods, env, main_pod['podId'])
    with Checks('describePod of the running main pod') as c:
        check_pod(c, pod, **main_expectations(env, network, secret, main_pod))


def test_describe_pod_jdcloud_optional_fields(pods, env, network, main_pod):
    """Fields of JD Cloud's Pod model that model-diff.md section 5 (P2) says the service will fill."""
    pod = describe_pod(pods, env, main_pod['podId'])
    with Checks('describePod: JD Cloud optional fields') as c:
        check_pod_jdcloud_extras(c, pod, sg=network['sg_create'])


def describe_pods(pods, env, filters=None, tags=None, page_size=None, page_number=None):
    params = DescribePodsParameters(env.region)
    if filters is not None:
        params.setFilters(filters)
    if tags is not None:
        params.setTags(tags)
    if page_size is not None:
        params.setPageSize(page_size)
    if page_number is not None:
        params.setPageNumber(page_number)
    result = pods.ok(DescribePodsRequest(params))
    assert result is not None, 'describePods answered no result'
    with Checks('describePods result') as c:
        c.listing(result, 'pods')
        c.integer(result, 'totalCount')
    return result


def ids_of(result):
    return [p.get('podId') for p in result['pods']]


def test_describe_pods_by_id_shows_the_whole_pod(pods, env, network, secret, main_pod):
    result = describe_pods(pods, env, filters=[Filter('podId', [main_pod['podId']])])
    assert result['totalCount'] == 1 and ids_of(result) == [main_pod['podId']], result
    with Checks('describePods pods[0]') as c:
        check_pod(c, result['pods'][0], **main_expectations(env, network, secret, main_pod))


def test_describe_pods_filters(pods, env, network, main_pod):
    pod_id = main_pod['podId']
    cases = {
        'phase running': [Filter('podId', [pod_id]), Filter('phase', ['running', 'stopped'])],
        'name (fuzzy)': [Filter('name', [main_pod['name'][:-2]])],
        'vpcId': [Filter('vpcId', [network['vpc_create']['vpcId']])],
        'subnetId': [Filter('subnetId', [network['subnet_create']['subnetId']])],
        'az': [Filter('az', ['cn-north-1a']), Filter('podId', [pod_id])],
        'operator eq': [Filter('podId', [pod_id], operator='eq')],
    }
    for what, filters in cases.items():
        result = describe_pods(pods, env, filters=filters)
        assert pod_id in ids_of(result), 'filter %s: %s not in %s' % (what, pod_id, ids_of(result))
    none = describe_pods(pods, env, filters=[Filter('phase', ['stopped']), Filter('podId', [pod_id])])
    assert none['totalCount'] == 0 and none['pods'] == [], none


def test_describe_pods_filter_value_with_awkward_characters(pods, env, main_pod):
    """A value with space, ':', '/', '%', '+' and non-ASCII text: signed and decoded as the SDK
    encodes it; no pod has such a name, so the answer is an empty page, not an error."""
    result = describe_pods(pods, env, filters=[Filter('name', [WEIRD])])
    assert result['totalCount'] == 0 and result['pods'] == [], result


def test_describe_pods_by_tags(pods, env, main_pod):
    result = describe_pods(pods, env, tags=[TagFilter('weird', [weird_tag(env)])])
    assert ids_of(result) == [main_pod['podId']], 'tag weird=%r: %s' % (weird_tag(env), ids_of(result))
    result = describe_pods(pods, env, tags=[TagFilter('conformance', [env.run_id])])
    assert main_pod['podId'] in ids_of(result), result
    result = describe_pods(pods, env, tags=[TagFilter('conformance', ['no-such-run'])],
                           filters=[Filter('podId', [main_pod['podId']])])
    assert result['totalCount'] == 0, result


def test_describe_pods_paging(pods, env, main_pod):
    first = describe_pods(pods, env, page_size=10, page_number=1)
    assert 1 <= len(first['pods']) <= 10 and first['totalCount'] >= len(first['pods']), first
    beyond = describe_pods(pods, env, page_size=10, page_number=1000)
    assert beyond['totalCount'] == first['totalCount'], beyond


def check_pod_name(pods, env, name):
    params = CheckPodNameParameters(env.region, name)
    params.setMaxCount(1)
    result = pods.ok(CheckPodNameRequest(params))
    assert isinstance(result, dict), 'checkPodName answered no result for %r' % name
    return result


def test_check_pod_name_codes(pods, env, main_pod):
    """JD Cloud: 0 the name may be used, 1 it is empty, 2 it is not valid, 3 a pod has it."""
    expected = {env.prefix + '-free': 0, '': 1, 'Not_A_Valid_Name!': 2, main_pod['name']: 3}
    answers = {name: check_pod_name(pods, env, name) for name in expected}
    with Checks('checkPodName') as c:
        for name, code in expected.items():
            got, reason = answers[name].get('code'), answers[name].get('reason')
            if got != code or type(got) is not int:
                c.fail('podName %r' % name, 'code is %r (reason %r), expected %d' % (got, reason, code))
            elif code != 0 and not reason:
                c.fail('podName %r' % name, 'code %d without a reason' % code)


def test_modify_pod_attribute(pods, env, main_pod):
    description = 'modified by the SDK: 中文 / + %'
    params = ModifyPodAttributeParameters(env.region, main_pod['podId'])
    params.setDescription(description)
    pods.ok(ModifyPodAttributeRequest(params))
    pod = wait_until(lambda: (lambda p: p if p.get('description') == description else None)(
        describe_pod(pods, env, main_pod['podId'])), 10, 'the new description in describePod')
    assert pod['description'] == description


def test_describe_container(pods, env, secret, main_pod):
    result = pods.ok(DescribeContainerRequest(DescribeContainerParameters(env.region, main_pod['podId'], 'main')))
    assert result is not None and 'container' in result, result
    with Checks('describeContainer') as c:
        check_container(c, result['container'], name='main', image=env.image, secret=secret, command=TICKER,
                        limits=('1000m', '4096Mi'), category='local', running=True, prefix='container.')


def test_describe_container_of_a_missing_container(pods, env, main_pod):
    error = pods.error(DescribeContainerRequest(DescribeContainerParameters(env.region, main_pod['podId'], 'nope')))
    assert (error.code, error.status) == (404, 'NOT_FOUND'), vars(error)


def test_describe_pods_status_is_the_brief_list(pods, env, main_pod):
    """describePodsStatus: JD Cloud's BriefPodStatus (the pod's identity, its podStatus and its
    containers), with describePods' filters and a page size up to 500; out of range: 400 naming it."""
    params = DescribePodsStatusParameters(env.region)
    params.setFilters([Filter('podId', [main_pod['podId']])])
    params.setPageSize(500)
    result = pods.ok(DescribePodsStatusRequest(params))
    with Checks('describePodsStatus result') as c:
        c.listing(result, 'podsStatus')
        c.integer(result, 'totalCount')
    assert result['totalCount'] == 1 and [p['podId'] for p in result['podsStatus']] == [main_pod['podId']], result
    brief = result['podsStatus'][0]
    pod = describe_pod(pods, env, main_pod['podId'])
    for field in ('name', 'az', 'instanceType', 'createTime'):
        assert brief.get(field) == pod.get(field), '%s: %r, describePod says %r' % (field, brief.get(field),
                                                                                   pod.get(field))
    assert brief['podStatus']['phase'] == 'running', brief['podStatus']
    assert [c['name'] for c in brief['containers']] == ['main'], brief['containers']
    assert brief['containers'][0]['containerStatus']['state']['running'], brief['containers'][0]
    assert set(brief) <= {'podId', 'name', 'description', 'az', 'ag', 'instanceType', 'podStatus', 'containers',
                          'createTime'}, 'fields beyond BriefPodStatus: %s' % sorted(brief)

    params = DescribePodsStatusParameters(env.region)
    params.setPageSize(501)
    error = pods.error(DescribePodsStatusRequest(params))
    assert (error.code, error.status) == (400, 'INVALID_ARGUMENT') and 'pageSize' in error.message, error.__dict__
