"""The VPC subset with JD Cloud's Python SDK (VpcClient): createVpc, createSubnet,
createNetworkSecurityGroup, addNetworkSecurityGroupRules (the network fixture; deletes in its
finalizer), their describes and lists, elastic IPs and associateElasticIp/disassociateElasticIp."""
import pytest

from conftest import describe_pod, error_dict
from expect import (Checks, check_elastic_ip, check_elastic_ip_jdcloud_extras, check_security_group,
                    check_security_group_jdcloud_extras, check_subnet, check_subnet_jdcloud_extras, check_vpc,
                    wait_until)

from jdcloud_sdk.services.common.models.Filter import Filter
from jdcloud_sdk.services.pod.apis.AssociateElasticIpRequest import (AssociateElasticIpParameters,
                                                                     AssociateElasticIpRequest)
from jdcloud_sdk.services.pod.apis.DisassociateElasticIpRequest import (DisassociateElasticIpParameters,
                                                                        DisassociateElasticIpRequest)
from jdcloud_sdk.services.vpc.apis.CreateElasticIpsRequest import CreateElasticIpsParameters, CreateElasticIpsRequest
from jdcloud_sdk.services.vpc.apis.DeleteElasticIpRequest import DeleteElasticIpParameters, DeleteElasticIpRequest
from jdcloud_sdk.services.vpc.apis.DescribeElasticIpRequest import DescribeElasticIpParameters, DescribeElasticIpRequest
from jdcloud_sdk.services.vpc.apis.DescribeElasticIpsRequest import (DescribeElasticIpsParameters,
                                                                     DescribeElasticIpsRequest)
from jdcloud_sdk.services.vpc.apis.DescribeNetworkSecurityGroupRequest import (
    DescribeNetworkSecurityGroupParameters, DescribeNetworkSecurityGroupRequest)
from jdcloud_sdk.services.vpc.apis.DescribeNetworkSecurityGroupsRequest import (
    DescribeNetworkSecurityGroupsParameters, DescribeNetworkSecurityGroupsRequest)
from jdcloud_sdk.services.vpc.apis.DescribeSubnetsRequest import DescribeSubnetsParameters, DescribeSubnetsRequest
from jdcloud_sdk.services.vpc.apis.DescribeVpcsRequest import DescribeVpcsParameters, DescribeVpcsRequest
from jdcloud_sdk.services.vpc.models.ElasticIpSpec import ElasticIpSpec

RULE = {'protocol': 6, 'direction': 0, 'addressPrefix': '0.0.0.0/0', 'fromPort': 22, 'toPort': 22}


def test_vpc(vpcs, env, network):
    created = network['vpc_create']
    with Checks('describeVpc right after createVpc') as c:
        check_vpc(c, network['vpc'], created['vpcId'], created['vpcName'], created['addressPrefix'],
                  created['description'])
    params = DescribeVpcsParameters(env.region)
    params.setFilters([Filter('vpcIds', [created['vpcId']])])
    result = vpcs.ok(DescribeVpcsRequest(params))
    with Checks('describeVpcs by vpcIds') as c:
        c.eq(result, 'totalCount', 1)
        c.eq(result, 'vpcs[0].vpcId', created['vpcId'])
        check_vpc(c, result['vpcs'][0], created['vpcId'], created['vpcName'], created['addressPrefix'])
        subnets = [s.get('subnetId') for s in result['vpcs'][0].get('subnets') or []]
        if network['subnet_create']['subnetId'] not in subnets:
            c.fail('vpcs[0].subnets', '%s does not hold the subnet %s' % (subnets, network['subnet_create']['subnetId']))
    params = DescribeVpcsParameters(env.region)
    params.setFilters([Filter('vpcNames', [created['vpcName']])])
    result = vpcs.ok(DescribeVpcsRequest(params))
    assert [v['vpcId'] for v in result['vpcs']] == [created['vpcId']], result


def test_subnet(vpcs, env, network):
    created = network['subnet_create']
    with Checks('describeSubnet right after createSubnet') as c:
        check_subnet(c, network['subnet'], created['subnetId'], created['subnetName'], created['vpcId'],
                     created['addressPrefix'])
    for filters in ([Filter('subnetIds', [created['subnetId']])], [Filter('vpcId', [created['vpcId']])],
                    [Filter('subnetNames', [created['subnetName']])]):
        params = DescribeSubnetsParameters(env.region)
        params.setFilters(filters)
        result = vpcs.ok(DescribeSubnetsRequest(params))
        with Checks('describeSubnets by %s' % filters[0].name) as c:
            c.eq(result, 'totalCount', 1)
            c.eq(result, 'subnets[0].subnetId', created['subnetId'])


def test_subnet_jdcloud_optional_fields(network):
    with Checks('describeSubnet: JD Cloud optional fields') as c:
        check_subnet_jdcloud_extras(c, network['subnet'])


def test_security_group(vpcs, env, network):
    created = network['sg_create']
    vpc_id = network['vpc_create']['vpcId']
    with Checks('describeNetworkSecurityGroup right after create') as c:
        check_security_group(c, network['sg_first'], created['networkSecurityGroupId'],
                             created['networkSecurityGroupName'], vpc_id)
    result = vpcs.ok(DescribeNetworkSecurityGroupRequest(
        DescribeNetworkSecurityGroupParameters(env.region, created['networkSecurityGroupId'])))
    with Checks('describeNetworkSecurityGroup after addNetworkSecurityGroupRules') as c:
        check_security_group(c, result['networkSecurityGroup'], created['networkSecurityGroupId'],
                             created['networkSecurityGroupName'], vpc_id, rule=RULE)
    params = DescribeNetworkSecurityGroupsParameters(env.region)
    params.setFilters([Filter('networkSecurityGroupIds', [created['networkSecurityGroupId']])])
    result = vpcs.ok(DescribeNetworkSecurityGroupsRequest(params))
    with Checks('describeNetworkSecurityGroups by id') as c:
        c.eq(result, 'totalCount', 1)
        check_security_group(c, result['networkSecurityGroups'][0], created['networkSecurityGroupId'],
                             created['networkSecurityGroupName'], vpc_id, rule=RULE)
    params = DescribeNetworkSecurityGroupsParameters(env.region)
    params.setFilters([Filter('vpcId', [vpc_id])])
    result = vpcs.ok(DescribeNetworkSecurityGroupsRequest(params))
    assert created['networkSecurityGroupId'] in [g['networkSecurityGroupId'] for g in result['networkSecurityGroups']]


def test_add_security_group_rules_answers_the_rules(network):
    """JD Cloud's addNetworkSecurityGroupRules result: securityGroupRules, the rules added."""
    with Checks('addNetworkSecurityGroupRules result') as c:
        rules = c.listing(network['rules_result'] or {}, 'securityGroupRules') or []
        if not any(all(r.get(k) == v for k, v in RULE.items()) for r in rules if isinstance(r, dict)):
            c.fail('securityGroupRules', 'no rule with %s: %r' % (RULE, rules))


def test_security_group_jdcloud_optional_fields(vpcs, env, network):
    result = vpcs.ok(DescribeNetworkSecurityGroupRequest(
        DescribeNetworkSecurityGroupParameters(env.region, network['sg_create']['networkSecurityGroupId'])))
    with Checks('describeNetworkSecurityGroup: JD Cloud optional fields') as c:
        check_security_group_jdcloud_extras(c, result['networkSecurityGroup'])


@pytest.fixture(scope='module')
def elastic_ip(vpcs, pods, env, main_pod):
    """One elastic IP (1 Mbps, bgp); disassociated if still bound, then deleted at the end."""
    name = env.prefix + '-eip'
    params = CreateElasticIpsParameters(env.region, 1, ElasticIpSpec(1, 'bgp'))
    params.setElasticIpName(name)
    result = vpcs.ok(CreateElasticIpsRequest(params))
    ids = result['elasticIpIds']
    assert isinstance(ids, list) and len(ids) == 1, result
    eip_id = ids[0]
    first = vpcs.send(DescribeElasticIpRequest(DescribeElasticIpParameters(env.region, eip_id)))
    assert first.error is None, 'describeElasticIp right after createElasticIps: %s' % error_dict(first.error)
    yield {'elasticIpId': eip_id, 'name': name, 'first': first.result['elasticIp']}
    bound = vpcs.ok(DescribeElasticIpRequest(DescribeElasticIpParameters(env.region, eip_id)))['elasticIp']
    if bound.get('instanceId'):
        pods.ok(DisassociateElasticIpRequest(DisassociateElasticIpParameters(env.region, bound['instanceId'], eip_id)))
        wait_until(lambda: not vpcs.ok(DescribeElasticIpRequest(DescribeElasticIpParameters(env.region, eip_id)))
                   ['elasticIp'].get('instanceId'), 30, 'the elastic IP unbound')
    vpcs.ok(DeleteElasticIpRequest(DeleteElasticIpParameters(env.region, eip_id)))
    error = vpcs.error(DescribeElasticIpRequest(DescribeElasticIpParameters(env.region, eip_id)))
    assert (error.code, error.status) == (404, 'NOT_FOUND'), 'describeElasticIp after delete: %s' % error_dict(error)


def describe_eip(vpcs, env, eip_id):
    return vpcs.ok(DescribeElasticIpRequest(DescribeElasticIpParameters(env.region, eip_id)))['elasticIp']


def test_elastic_ip(vpcs, env, elastic_ip):
    eip_id = elastic_ip['elasticIpId']
    with Checks('describeElasticIp right after createElasticIps') as c:
        check_elastic_ip(c, elastic_ip['first'], eip_id)
    for filters in ([Filter('elasticIpIds', [eip_id])],
                    [Filter('elasticIpAddress', [elastic_ip['first']['elasticIpAddress']])]):
        params = DescribeElasticIpsParameters(env.region)
        params.setFilters(filters)
        result = vpcs.ok(DescribeElasticIpsRequest(params))
        with Checks('describeElasticIps by %s' % filters[0].name) as c:
            c.eq(result, 'totalCount', 1)
            c.eq(result, 'elasticIps[0].elasticIpId', eip_id)


def test_associate_and_disassociate_elastic_ip(vpcs, pods, env, elastic_ip, main_pod):
    eip_id, pod_id = elastic_ip['elasticIpId'], main_pod['podId']
    pods.ok(AssociateElasticIpRequest(AssociateElasticIpParameters(env.region, pod_id, eip_id)))
    pod = wait_until(lambda: (lambda p: p if (p.get('elasticIp') or {}).get('elasticIpId') == eip_id else None)(
        describe_pod(pods, env, pod_id)), 30, 'describePod showing elastic IP %s' % eip_id)
    eip = describe_eip(vpcs, env, eip_id)
    with Checks('describePod and describeElasticIp after associateElasticIp') as c:
        c.eq(pod, 'elasticIp.elasticIpAddress', eip.get('elasticIpAddress'))
        c.eq(pod, 'primaryNetworkInterface.networkInterface.primaryIp.elasticIpId', eip_id)
        c.eq(pod, 'primaryNetworkInterface.networkInterface.primaryIp.elasticIpAddress', eip.get('elasticIpAddress'))
        check_elastic_ip(c, eip, eip_id, pod=pod)

    pods.ok(DisassociateElasticIpRequest(DisassociateElasticIpParameters(env.region, pod_id, eip_id)))
    pod = wait_until(lambda: (lambda p: p if not (p.get('elasticIp') or {}).get('elasticIpId') else None)(
        describe_pod(pods, env, pod_id)), 30, 'describePod without the elastic IP')
    with Checks('describeElasticIp after disassociateElasticIp') as c:
        check_elastic_ip(c, describe_eip(vpcs, env, eip_id), eip_id)


def test_elastic_ip_jdcloud_optional_fields(vpcs, env, elastic_ip):
    eip = describe_eip(vpcs, env, elastic_ip['elasticIpId'])
    with Checks('describeElasticIp: JD Cloud optional fields') as c:
        check_elastic_ip_jdcloud_extras(c, eip, elastic_ip['name'], bound=bool(eip.get('instanceId')))
