"""The VPC subset with jdc vpc ... (the network fixture creates and deletes the VPC, subnet and
security group), elastic IPs, and jdc pod associate-elastic-ip / disassociate-elastic-ip."""
import pytest

from conftest import arg, describe_pod
from expect import (Checks, check_elastic_ip, check_elastic_ip_jdcloud_extras, check_security_group,
                    check_security_group_jdcloud_extras, check_subnet, check_subnet_jdcloud_extras, check_vpc,
                    wait_until)

RULE = {'protocol': 6, 'direction': 0, 'addressPrefix': '0.0.0.0/0', 'fromPort': 22, 'toPort': 22}


def test_vpc_and_subnet(jdc, network):
    vpc, subnet = network['vpc_create'], network['subnet_create']
    with Checks('jdc vpc describe-vpc right after create-vpc') as c:
        check_vpc(c, network['vpc'], vpc['vpcId'], vpc['vpcName'], vpc['addressPrefix'], vpc['description'])
    with Checks('jdc vpc describe-subnet right after create-subnet') as c:
        check_subnet(c, network['subnet'], subnet['subnetId'], subnet['subnetName'], vpc['vpcId'],
                     subnet['addressPrefix'])
    result = jdc.ok('vpc', 'describe-vpcs', '--filters', arg([{'name': 'vpcIds', 'values': [vpc['vpcId']]}]))
    with Checks('jdc vpc describe-vpcs') as c:
        c.eq(result, 'totalCount', 1)
        check_vpc(c, result['vpcs'][0], vpc['vpcId'], vpc['vpcName'], vpc['addressPrefix'])
    result = jdc.ok('vpc', 'describe-subnets', '--filters', arg([{'name': 'vpcId', 'values': [vpc['vpcId']]}]))
    with Checks('jdc vpc describe-subnets') as c:
        c.eq(result, 'totalCount', 1)
        check_subnet(c, result['subnets'][0], subnet['subnetId'], subnet['subnetName'], vpc['vpcId'],
                     subnet['addressPrefix'])


def test_subnet_jdcloud_optional_fields(network):
    with Checks('jdc vpc describe-subnet: JD Cloud optional fields') as c:
        check_subnet_jdcloud_extras(c, network['subnet'])


def test_security_group(jdc, network):
    sg, vpc_id = network['sg_create'], network['vpc_create']['vpcId']
    sg_id = sg['networkSecurityGroupId']
    with Checks('jdc vpc describe-network-security-group right after create') as c:
        check_security_group(c, network['sg_first'], sg_id, sg['networkSecurityGroupName'], vpc_id)
    with Checks('jdc vpc add-network-security-group-rules result') as c:
        rules = c.listing(network['rules_result'] or {}, 'securityGroupRules') or []
        if not any(all(r.get(k) == v for k, v in RULE.items()) for r in rules if isinstance(r, dict)):
            c.fail('securityGroupRules', 'no rule with %s: %r' % (RULE, rules))
    result = jdc.ok('vpc', 'describe-network-security-group', '--network-security-group-id', sg_id)
    with Checks('jdc vpc describe-network-security-group') as c:
        check_security_group(c, result['networkSecurityGroup'], sg_id, sg['networkSecurityGroupName'], vpc_id,
                             rule=RULE)
    result = jdc.ok('vpc', 'describe-network-security-groups',
                    '--filters', arg([{'name': 'networkSecurityGroupIds', 'values': [sg_id]}]))
    with Checks('jdc vpc describe-network-security-groups') as c:
        c.eq(result, 'totalCount', 1)
        check_security_group(c, result['networkSecurityGroups'][0], sg_id, sg['networkSecurityGroupName'], vpc_id,
                             rule=RULE)


def test_security_group_jdcloud_optional_fields(jdc, network):
    result = jdc.ok('vpc', 'describe-network-security-group', '--network-security-group-id',
                    network['sg_create']['networkSecurityGroupId'])
    with Checks('jdc vpc describe-network-security-group: JD Cloud optional fields') as c:
        check_security_group_jdcloud_extras(c, result['networkSecurityGroup'])


@pytest.fixture(scope='module')
def elastic_ip(jdc, main_pod):
    result = jdc.ok('vpc', 'create-elastic-ips', '--max-count', 1,
                    '--elastic-ip-spec', arg({'bandwidthMbps': 1, 'provider': 'bgp'}))
    ids = result['elasticIpIds']
    assert isinstance(ids, list) and len(ids) == 1, result
    eip_id = ids[0]
    out = jdc.run('vpc', 'describe-elastic-ip', '--elastic-ip-id', eip_id)
    assert out['error'] is None, 'describe-elastic-ip right after create-elastic-ips: %r' % out['error']
    yield {'elasticIpId': eip_id, 'first': out['result']['elasticIp']}
    eip = jdc.ok('vpc', 'describe-elastic-ip', '--elastic-ip-id', eip_id)['elasticIp']
    if eip.get('instanceId'):
        jdc.ok('pod', 'disassociate-elastic-ip', '--pod-id', eip['instanceId'], '--elastic-ip-id', eip_id)
    jdc.ok('vpc', 'delete-elastic-ip', '--elastic-ip-id', eip_id)
    error = jdc.error('vpc', 'describe-elastic-ip', '--elastic-ip-id', eip_id)
    assert (error.get('code'), error.get('status')) == (404, 'NOT_FOUND'), 'describe-elastic-ip after delete: %r' % error


def test_elastic_ip_associate_disassociate(jdc, elastic_ip, main_pod):
    eip_id, pod_id = elastic_ip['elasticIpId'], main_pod['podId']
    with Checks('jdc vpc describe-elastic-ip right after create-elastic-ips') as c:
        check_elastic_ip(c, elastic_ip['first'], eip_id)
    result = jdc.ok('vpc', 'describe-elastic-ips', '--filters', arg([{'name': 'elasticIpIds', 'values': [eip_id]}]))
    with Checks('jdc vpc describe-elastic-ips') as c:
        c.eq(result, 'totalCount', 1)
        c.eq(result, 'elasticIps[0].elasticIpId', eip_id)

    jdc.ok('pod', 'associate-elastic-ip', '--pod-id', pod_id, '--elastic-ip-id', eip_id)
    pod = wait_until(lambda: (lambda p: p if (p.get('elasticIp') or {}).get('elasticIpId') == eip_id else None)(
        describe_pod(jdc, pod_id)), 30, 'describe-pod showing elastic IP %s' % eip_id)
    eip = jdc.ok('vpc', 'describe-elastic-ip', '--elastic-ip-id', eip_id)['elasticIp']
    with Checks('jdc describe-pod and describe-elastic-ip after associate-elastic-ip') as c:
        c.eq(pod, 'elasticIp.elasticIpAddress', eip.get('elasticIpAddress'))
        check_elastic_ip(c, eip, eip_id, pod=pod)

    jdc.ok('pod', 'disassociate-elastic-ip', '--pod-id', pod_id, '--elastic-ip-id', eip_id)
    wait_until(lambda: not (describe_pod(jdc, pod_id).get('elasticIp') or {}).get('elasticIpId'), 30,
               'describe-pod without the elastic IP')
    eip = jdc.ok('vpc', 'describe-elastic-ip', '--elastic-ip-id', eip_id)['elasticIp']
    with Checks('jdc vpc describe-elastic-ip after disassociate-elastic-ip') as c:
        check_elastic_ip(c, eip, eip_id)


def test_elastic_ip_jdcloud_optional_fields(jdc, elastic_ip):
    eip = jdc.ok('vpc', 'describe-elastic-ip', '--elastic-ip-id', elastic_ip['elasticIpId'])['elasticIp']
    with Checks('jdc vpc describe-elastic-ip: JD Cloud optional fields') as c:
        check_elastic_ip_jdcloud_extras(c, eip, None, bound=bool(eip.get('instanceId')))
