"""Pod templates with JD Cloud's Python SDK: createPodTemplate, describePodTemplate,
describePodTemplates (filters, paging), updatePodTemplate (PATCH: parts replaced, tags merged and
removed), verifyPodTemplate, deletePodTemplate, the podTemplate quota, and their errors: a template
naming a missing secret and subnet is refused with both problems; verifyPodTemplate reports a secret
deleted after the template was made; a missing template is 404 for every operation."""
from conftest import error_dict
from expect import INSTANCE_TYPE, TICKER, Checks, b64

from jdcloud_sdk.services.common.models.Filter import Filter
from jdcloud_sdk.services.pod.apis.CreatePodTemplateRequest import (CreatePodTemplateParameters,
                                                                     CreatePodTemplateRequest)
from jdcloud_sdk.services.pod.apis.CreateSecretRequest import CreateSecretParameters, CreateSecretRequest
from jdcloud_sdk.services.pod.apis.DeletePodTemplateRequest import (DeletePodTemplateParameters,
                                                                     DeletePodTemplateRequest)
from jdcloud_sdk.services.pod.apis.DeleteSecretRequest import DeleteSecretParameters, DeleteSecretRequest
from jdcloud_sdk.services.pod.apis.DescribePodTemplateRequest import (DescribePodTemplateParameters,
                                                                       DescribePodTemplateRequest)
from jdcloud_sdk.services.pod.apis.DescribePodTemplatesRequest import (DescribePodTemplatesParameters,
                                                                        DescribePodTemplatesRequest)
from jdcloud_sdk.services.pod.apis.DescribeQuotaRequest import DescribeQuotaParameters, DescribeQuotaRequest
from jdcloud_sdk.services.pod.apis.UpdatePodTemplateRequest import (UpdatePodTemplateParameters,
                                                                     UpdatePodTemplateRequest)
from jdcloud_sdk.services.pod.apis.VerifyPodTemplateRequest import (VerifyPodTemplateParameters,
                                                                     VerifyPodTemplateRequest)
from jdcloud_sdk.services.pod.models.DockerRegistryData import DockerRegistryData
from jdcloud_sdk.services.pod.models.PodTemplateCloudDiskSpec import PodTemplateCloudDiskSpec
from jdcloud_sdk.services.pod.models.PodTemplateContainerSpec import PodTemplateContainerSpec
from jdcloud_sdk.services.pod.models.PodTemplateElasticIpSpec import PodTemplateElasticIpSpec
from jdcloud_sdk.services.pod.models.PodTemplateNetworkInterfaceAttachmentSpec import (
    PodTemplateNetworkInterfaceAttachmentSpec)
from jdcloud_sdk.services.pod.models.PodTemplateNetworkInterfaceSpec import PodTemplateNetworkInterfaceSpec
from jdcloud_sdk.services.pod.models.PodTemplateSpec import PodTemplateSpec
from jdcloud_sdk.services.pod.models.Tag import Tag
from jdcloud_sdk.services.pod.models.UpdatePodTemplateSpec import UpdatePodTemplateSpec


def template_spec(env, subnet_id, secret, security_groups=None, **extra):
    container = PodTemplateContainerSpec('main', PodTemplateCloudDiskSpec(sizeGB=20), command=TICKER,
                                         image=env.image, secret=secret)
    nic = PodTemplateNetworkInterfaceAttachmentSpec(
        PodTemplateNetworkInterfaceSpec(subnet_id, securityGroups=security_groups), autoDelete=True)
    return PodTemplateSpec(INSTANCE_TYPE, [container], nic, **extra)


def describe(pods, env, template_id):
    return pods.ok(DescribePodTemplateRequest(DescribePodTemplateParameters(env.region, template_id)))['podTemplate']


def listing(pods, env, filters):
    params = DescribePodTemplatesParameters(env.region)
    params.setFilters(filters)
    return pods.ok(DescribePodTemplatesRequest(params))


def used_templates(pods, env):
    return pods.ok(DescribeQuotaRequest(DescribeQuotaParameters(env.region, 'podTemplate')))['quota']['used']


def test_pod_template_crud(pods, env, network, secret):
    subnet_id = network['subnet_create']['subnetId']
    sg_id = network['sg_create']['networkSecurityGroupId']
    used_before = used_templates(pods, env)
    params = CreatePodTemplateParameters(env.region, env.prefix + '-tpl', template_spec(
        env, subnet_id, secret, [sg_id], elasticIp=PodTemplateElasticIpSpec(5, 'postpaid_by_usage'),
        userTags=[Tag('team', 'a'), Tag('tier', 'web')]))
    params.setDescription('a conformance template')
    template_id = pods.ok(CreatePodTemplateRequest(params))['podTemplateId']
    assert isinstance(template_id, str) and template_id.startswith('pt-'), template_id

    with Checks('describePodTemplate right after createPodTemplate') as c:
        found = describe(pods, env, template_id)
        c.eq(found, 'id', template_id)
        c.eq(found, 'name', env.prefix + '-tpl')
        c.eq(found, 'description', 'a conformance template')
        c.eq(found, 'podTemplateData.instanceType', INSTANCE_TYPE)
        c.eq(found, 'podTemplateData.vpcId', network['vpc_create']['vpcId'])
        c.eq(found, 'podTemplateData.subnetId', subnet_id)
        c.eq(found, 'podTemplateData.restartPolicy', 'Always')
        c.eq(found, 'podTemplateData.terminationGracePeriodSeconds', 30)
        c.eq(found, 'podTemplateData.containers[0].name', 'main')
        c.eq(found, 'podTemplateData.containers[0].image', env.image)
        c.eq(found, 'podTemplateData.containers[0].secret', secret)
        c.eq(found, 'podTemplateData.containers[0].systemDisk.sizeGB', 20)
        c.eq(found, 'podTemplateData.elasticIp.bandwidthMbps', 5)
        c.eq(found, 'podTemplateData.elasticIp.chargeMode', 'postpaid_by_usage')
        c.eq(found, 'podTemplateData.primaryNetworkInterface.networkInterface.subnetId', subnet_id)
        c.eq(found, 'podTemplateData.primaryNetworkInterface.networkInterface.securityGroups[0]', sg_id)
        c.eq(found, 'podTemplateData.tags[0].key', 'team')
        c.eq(found, 'podTemplateData.tags[1].value', 'web')
        c.eq(found, 'ags', [])
        c.date(found, 'createdTime')
    assert used_templates(pods, env) == used_before + 1

    with Checks('describePodTemplates filtered by podTemplateIds and by name') as c:
        by_id = listing(pods, env, [Filter('podTemplateIds', [template_id])])
        c.eq(by_id, 'totalCount', 1)
        c.eq(by_id, 'podTemplates[0].id', template_id)
        by_name = listing(pods, env, [Filter('name', [env.prefix + '-tpl'])])
        c.eq(by_name, 'totalCount', 1)
        none = listing(pods, env, [Filter('name', [env.prefix + '-nothing'])])
        c.eq(none, 'totalCount', 0)
        c.eq(none, 'podTemplates', [])

    assert pods.ok(VerifyPodTemplateRequest(VerifyPodTemplateParameters(env.region, template_id))) in (None, {})

    update = UpdatePodTemplateParameters(env.region, template_id)
    update.setName(env.prefix + '-tpl2')
    update.setPodTemplateSpec(UpdatePodTemplateSpec(restartPolicy='OnFailure', noElasticIp=True,
                                                    userTags=[Tag('team', 'b'), Tag('new', 'x')],
                                                    removeUserTags=['tier']))
    pods.ok(UpdatePodTemplateRequest(update))
    with Checks('describePodTemplate after updatePodTemplate') as c:
        found = describe(pods, env, template_id)
        c.eq(found, 'name', env.prefix + '-tpl2')
        c.eq(found, 'description', 'a conformance template')
        c.eq(found, 'podTemplateData.restartPolicy', 'OnFailure')
        c.absent(found, 'podTemplateData.elasticIp')
        c.eq(found, 'podTemplateData.containers[0].image', env.image)
        tags = {t['key']: t['value'] for t in found['podTemplateData']['tags']}
        if tags != {'team': 'b', 'new': 'x'}:
            c.fail('podTemplateData.tags', '%r, want team=b and new=x (tier removed)' % tags)

    pods.ok(DeletePodTemplateRequest(DeletePodTemplateParameters(env.region, template_id)))
    gone = error_dict(pods.error(DescribePodTemplateRequest(DescribePodTemplateParameters(env.region, template_id))))
    assert (gone['code'], gone['status']) == (404, 'NOT_FOUND'), gone
    assert used_templates(pods, env) == used_before


def test_pod_template_errors_and_verify(pods, env, network, secret):
    subnet_id = network['subnet_create']['subnetId']
    # a secret and a subnet that do not exist: refused, both named in one error
    both = error_dict(pods.error(CreatePodTemplateRequest(CreatePodTemplateParameters(
        env.region, env.prefix + '-bad', template_spec(env, 'subnet-doesnotexist', env.prefix + '-nosecret')))))
    assert both['code'] in (400, 404) and '2 problems' in both['message'], both
    assert env.prefix + '-nosecret' in both['message'] and 'subnet-doesnotexist' in both['message'], both
    bad_name = error_dict(pods.error(CreatePodTemplateRequest(CreatePodTemplateParameters(
        env.region, 'no spaces allowed', template_spec(env, subnet_id, secret)))))
    assert (bad_name['code'], bad_name['status']) == (400, 'INVALID_ARGUMENT') and 'name' in bad_name['message'], bad_name
    bad_type = error_dict(pods.error(CreatePodTemplateRequest(CreatePodTemplateParameters(
        env.region, env.prefix + '-type', PodTemplateSpec('x.no.such', template_spec(env, subnet_id, secret).containers,
                                                          template_spec(env, subnet_id, secret).primaryNetworkInterface)))))
    assert bad_type['code'] == 400 and 'podTemplateSpec.instanceType' in bad_type['message'], bad_type

    # verifyPodTemplate reports what went away after the template was made
    doomed = env.prefix + '-doomed'
    pods.ok(CreateSecretRequest(CreateSecretParameters(env.region, doomed, 'docker-registry', DockerRegistryData(
        b64(env.registry_server), b64(env.registry_username), b64(env.registry_password), b64('a@b.c')))))
    template_id = pods.ok(CreatePodTemplateRequest(CreatePodTemplateParameters(
        env.region, env.prefix + '-verify', template_spec(env, subnet_id, doomed))))['podTemplateId']
    try:
        assert pods.ok(VerifyPodTemplateRequest(VerifyPodTemplateParameters(env.region, template_id))) in (None, {})
        pods.ok(DeleteSecretRequest(DeleteSecretParameters(env.region, doomed)))
        problem = error_dict(pods.error(VerifyPodTemplateRequest(VerifyPodTemplateParameters(env.region, template_id))))
        assert problem['code'] == 404 and doomed in problem['message'], problem
        assert 'podTemplateSpec.containers[0].secret' in problem['message'], problem
    finally:
        pods.ok(DeletePodTemplateRequest(DeletePodTemplateParameters(env.region, template_id)))

    missing = 'pt-doesnotexist'
    for request in (DescribePodTemplateRequest(DescribePodTemplateParameters(env.region, missing)),
                    VerifyPodTemplateRequest(VerifyPodTemplateParameters(env.region, missing)),
                    UpdatePodTemplateRequest(UpdatePodTemplateParameters(env.region, missing)),
                    DeletePodTemplateRequest(DeletePodTemplateParameters(env.region, missing))):
        error = error_dict(pods.error(request))
        assert (error['code'], error['status']) == (404, 'NOT_FOUND'), error


def test_the_pod_template_quota_holds(pods, env, network, secret):
    """Templates are made until the podTemplate quota refuses one: 400 QUOTA_EXCEEDED naming it."""
    subnet_id = network['subnet_create']['subnetId']
    made, refused = [], None
    try:
        for i in range(pods.ok(DescribeQuotaRequest(DescribeQuotaParameters(env.region, 'podTemplate')))['quota']['limit']
                       + 1):
            resp = pods.send(CreatePodTemplateRequest(CreatePodTemplateParameters(
                env.region, '%s-q%d' % (env.prefix, i), template_spec(env, subnet_id, secret))))
            if resp.error is not None:
                refused = error_dict(resp.error)
                break
            made.append(resp.result['podTemplateId'])
        assert refused is not None, 'the quota never refused a template (%d made)' % len(made)
        assert (refused['code'], refused['status']) == (400, 'QUOTA_EXCEEDED'), refused
        assert 'podTemplate quota' in refused['message'], refused
    finally:
        for template_id in made:
            pods.ok(DeletePodTemplateRequest(DeletePodTemplateParameters(env.region, template_id)))
