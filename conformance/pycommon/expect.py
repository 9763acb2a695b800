"""What the service must answer, as JD Cloud's models define it: shared by the Python SDK tests
(conformance/python) and the jdc tests (conformance/jdc), which both see a result as the dict that
JD Cloud's Python core decoded from the JSON answer.

The checks are "soft": a Checks object collects every problem of one answer and fails once with
the whole list, so a report names every missing or mistyped field, not only the first.
Only the standard library is used (the two virtualenvs have different SDK versions).
"""
import base64
import ipaddress
import os
import re
import secrets
import time

# JD Cloud's models: "遵循ISO8601标准，使用UTC时间，格式为：YYYY-MM-DDTHH:mm:ssZ" (whole seconds)
DATE = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$')
MAC = re.compile(r'^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$')
ELASTIC_IP_POOL = ipaddress.ip_network('127.100.0.0/24')
INSTANCE_TYPE = 'g.n2.medium'  # 1 vCPU, 4096 MiB
AZ = 'cn-north-1a'
TICKER = ['sh', '-c', 'while true; do echo tick; sleep 1; done']
POLL = 0.5


class Env:
    """The run's parameters, as conformance/run.sh exports them."""

    def __init__(self, client):
        self.endpoint = os.environ['POD_ENDPOINT']
        self.access_key = os.environ['POD_ACCESS_KEY']
        self.secret_key = os.environ['POD_SECRET_KEY']
        self.region = os.environ.get('POD_REGION', 'cn-north-1')
        self.image = os.environ['POD_IMAGE']
        self.registry_server = os.environ['POD_REGISTRY_SERVER']
        self.registry_username = os.environ['POD_REGISTRY_USERNAME']
        self.registry_password = os.environ['POD_REGISTRY_PASSWORD']
        self.run_id = os.environ.get('POD_RUN_ID') or secrets.token_hex(4)
        octet = os.environ.get('POD_VPC_OCTET_' + client.upper())
        self.vpc_octet = int(octet) if octet else 100 + secrets.randbelow(150)
        # names of this run and client: DNS-1123 labels, unique per run
        self.prefix = '%s-%s' % (client, self.run_id)

    @property
    def vpc_prefix(self):
        return '10.%d.0.0/16' % self.vpc_octet

    @property
    def subnet_prefix(self):
        return '10.%d.1.0/24' % self.vpc_octet


def b64(text):
    return base64.b64encode(text.encode('utf-8')).decode('ascii')


def wait_until(predicate, timeout, what, interval=POLL):
    """Polls predicate() every interval seconds until it returns something truthy (returned), or
    fails after timeout seconds saying what was awaited and the last value seen."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        last = predicate()
        if last:
            return last
        if time.monotonic() >= deadline:
            raise AssertionError('timed out after %ss waiting for %s (last: %s)' % (timeout, what, _short(last)))
        time.sleep(interval)


def _short(value, limit=300):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + '...'


_MISSING = object()


def walk(obj, path):
    """The value at a dotted path such as 'containers[0].containerStatus.state', or _MISSING."""
    for part in re.findall(r'[^.\[\]]+|\[\d+\]', path):
        if part.startswith('['):
            index = int(part[1:-1])
            if not isinstance(obj, list) or index >= len(obj):
                return _MISSING
            obj = obj[index]
        else:
            if not isinstance(obj, dict) or part not in obj:
                return _MISSING
            obj = obj[part]
    return obj


class Checks:
    """Collects the problems of one answer; done() (or leaving the with block) fails with all."""

    def __init__(self, what):
        self.what = what
        self.problems = []

    def __enter__(self):
        return self

    def __exit__(self, kind, value, trace):
        if kind is None:
            self.done()
        return False

    def done(self):
        if self.problems:
            raise AssertionError('%s: %d problem(s):\n  - %s' % (self.what, len(self.problems), '\n  - '.join(self.problems)))

    def fail(self, path, message):
        self.problems.append('%s: %s' % (path, message))

    def value(self, obj, path):
        found = walk(obj, path)
        if found is _MISSING or found is None:
            self.fail(path, 'missing')
            return None
        return found

    def eq(self, obj, path, expected):
        found = walk(obj, path)
        if found is _MISSING:
            self.fail(path, 'missing (expected %s)' % _short(expected))
        elif found != expected or type(found) is not type(expected):
            self.fail(path, 'is %s, expected %s' % (_short(found), _short(expected)))
        return None if found is _MISSING else found

    def text(self, obj, path, pattern=None):
        """A non-empty string (matching pattern, if given)."""
        found = self.value(obj, path)
        if found is None:
            return None
        if not isinstance(found, str) or not found:
            self.fail(path, 'is %s, expected a non-empty string' % _short(found))
        elif pattern is not None and not re.search(pattern, found):
            self.fail(path, 'is %s, expected to match %s' % (_short(found), pattern))
        return found

    def integer(self, obj, path):
        found = self.value(obj, path)
        if found is not None and (not isinstance(found, int) or isinstance(found, bool)):
            self.fail(path, 'is %s (%s), expected an integer' % (_short(found), type(found).__name__))
        return found

    def boolean(self, obj, path):
        found = self.value(obj, path)
        if found is not None and not isinstance(found, bool):
            self.fail(path, 'is %s (%s), expected a boolean' % (_short(found), type(found).__name__))
        return found

    def listing(self, obj, path):
        found = self.value(obj, path)
        if found is not None and not isinstance(found, list):
            self.fail(path, 'is %s, expected a list' % _short(found))
            return None
        return found

    def date(self, obj, path):
        """A time as JD Cloud writes it: YYYY-MM-DDTHH:mm:ssZ, whole seconds."""
        found = self.value(obj, path)
        if found is not None and (not isinstance(found, str) or not DATE.match(found)):
            self.fail(path, 'is %s, expected JD Cloud\'s format YYYY-MM-DDTHH:mm:ssZ (whole seconds)' % _short(found))
        return found

    def ipv4(self, obj, path, network=None):
        found = self.text(obj, path)
        if found is None:
            return None
        try:
            address = ipaddress.ip_address(found)
        except ValueError:
            self.fail(path, 'is %s, expected an IPv4 address' % _short(found))
            return found
        if network is not None and address not in ipaddress.ip_network(network):
            self.fail(path, 'is %s, expected an address in %s' % (found, network))
        return found

    def absent(self, obj, path):
        found = walk(obj, path)
        if found is not _MISSING and found not in (None, '', {}, []):
            self.fail(path, 'is %s, expected absent' % _short(found))


# --- the shapes ---------------------------------------------------------------------------------

def check_pod(c, pod, pod_id, name, *, phase=None, description=None, hostname=None, subnet=None, sg=None,
              containers=None, tag=None):
    """A Pod as describePod/describePods answer it. containers: {name: expectation dict} (see
    check_container)."""
    c.eq(pod, 'podId', pod_id)
    c.eq(pod, 'name', name)
    if description is not None:
        c.eq(pod, 'description', description)
    if hostname is not None:
        c.eq(pod, 'hostname', hostname)
    c.eq(pod, 'az', AZ)
    c.eq(pod, 'instanceType', INSTANCE_TYPE)
    c.eq(pod, 'restartPolicy', 'Always')
    c.integer(pod, 'terminationGracePeriodSeconds')
    c.eq(pod, 'logConfig.logDriver', 'default')
    c.date(pod, 'createTime')
    status_phase = c.text(pod, 'podStatus.phase')
    if phase is not None and status_phase != phase:
        c.fail('podStatus.phase', 'is %s, expected %s' % (_short(status_phase), phase))
    running = status_phase == 'running'
    if running:
        c.ipv4(pod, 'podStatus.podIP')
        c.date(pod, 'podStatus.startTime')
        conditions = c.listing(pod, 'podStatus.conditions') or []
        ready = [x for x in conditions if isinstance(x, dict) and x.get('conditionType') == 'Ready']
        if not ready:
            c.fail('podStatus.conditions', 'no condition with conditionType "Ready": %s' % _short(conditions))
        for i, condition in enumerate(conditions):
            c.text(conditions, '[%d].conditionType' % i)
            status = walk(conditions, '[%d].status' % i)
            if status not in ('True', 'False', 'Unknown'):
                c.fail('podStatus.conditions[%d].status' % i, 'is %s, expected True, False or Unknown' % _short(status))
            c.date(conditions, '[%d].lastTransitionTime' % i)
    if subnet is not None:
        c.eq(pod, 'vpcId', subnet['vpcId'])
        c.eq(pod, 'subnetId', subnet['subnetId'])
        if running:
            c.ipv4(pod, 'privateIpAddress', subnet['addressPrefix'])
        nic = 'primaryNetworkInterface'
        c.boolean(pod, nic + '.autoDelete')
        c.eq(pod, nic + '.deviceIndex', 1)
        c.eq(pod, nic + '.networkInterface.vpcId', subnet['vpcId'])
        c.eq(pod, nic + '.networkInterface.subnetId', subnet['subnetId'])
        if running:
            c.ipv4(pod, nic + '.networkInterface.primaryIp.privateIpAddress', subnet['addressPrefix'])
        if sg is not None:
            groups = c.listing(pod, nic + '.networkInterface.securityGroups') or []
            if sg['networkSecurityGroupId'] not in [g.get('groupId') for g in groups if isinstance(g, dict)]:
                c.fail(nic + '.networkInterface.securityGroups', '%s does not hold groupId %s'
                       % (_short(groups), sg['networkSecurityGroupId']))
    if tag is not None:
        tags = c.listing(pod, 'tags') or []
        if {'key': tag[0], 'value': tag[1]} not in tags:
            c.fail('tags', '%s does not hold %s' % (_short(tags), {'key': tag[0], 'value': tag[1]}))
    listed = c.listing(pod, 'containers') or []
    if containers is not None:
        names = [x.get('name') for x in listed if isinstance(x, dict)]
        if sorted(names) != sorted(containers):
            c.fail('containers', 'names are %s, expected %s' % (names, sorted(containers)))
        for i, container in enumerate(listed):
            expected = containers.get(container.get('name')) if isinstance(container, dict) else None
            if expected is not None:
                check_container(c, container, running=running, prefix='containers[%d].' % i, **expected)


def check_container(c, container, *, name, image, secret=None, command=None, limits=('1000m', '4096Mi'),
                    requests=None, category=None, running=True, prefix=''):
    """A Container (describeContainer, or an element of Pod.containers). limits and requests are
    (cpu, memoryMB) as JD Cloud writes them: strings such as "1000m" and "4096Mi"."""
    holder = {'c': container}
    p = 'c.'

    def path(rest):
        return p + rest

    sub = Checks('')
    sub.eq(holder, path('name'), name)
    sub.eq(holder, path('image'), image)
    if secret is not None:
        sub.eq(holder, path('secret'), secret)
    if command is not None:
        sub.eq(holder, path('command'), command)
    sub.boolean(holder, path('tty'))
    sub.eq(holder, path('resources.limits.cpu'), limits[0])
    sub.eq(holder, path('resources.limits.memoryMB'), limits[1])
    if requests is not None:
        sub.eq(holder, path('resources.requests.cpu'), requests[0])
        sub.eq(holder, path('resources.requests.memoryMB'), requests[1])
    if category is not None:
        sub.eq(holder, path('systemDisk.category'), category)
    sub.integer(holder, path('systemDisk.sizeGB'))
    sub.eq(holder, path('containerStatus.name'), name)
    sub.integer(holder, path('containerStatus.restartCount'))
    sub.boolean(holder, path('containerStatus.ready'))
    state = sub.value(holder, path('containerStatus.state'))
    if isinstance(state, dict):
        kinds = [k for k in ('running', 'terminated', 'waiting') if state.get(k) is not None]
        if len(kinds) != 1:
            sub.fail(path('containerStatus.state'), 'has %s, expected exactly one of running, terminated, waiting'
                     % (kinds or 'none'))
        if running:
            if kinds != ['running']:
                sub.fail(path('containerStatus.state'), 'is %s, expected running (the pod is running)' % _short(state))
            else:
                sub.date(holder, path('containerStatus.state.running.startedAt'))
            sub.eq(holder, path('containerStatus.ready'), True)
        if 'terminated' in kinds:
            sub.integer(holder, path('containerStatus.state.terminated.exitCode'))
            sub.date(holder, path('containerStatus.state.terminated.finishedAt'))
    for problem in sub.problems:
        c.problems.append(prefix + problem[len(p):])


def check_pod_jdcloud_extras(c, pod, *, sg=None):
    """Fields of JD Cloud's Pod model that model-diff.md section 5 (P2) lists as missing today."""
    c.text(pod, 'charge.chargeMode')
    c.text(pod, 'charge.chargeStatus')
    c.date(pod, 'charge.chargeStartTime')
    nic = 'primaryNetworkInterface'
    c.text(pod, nic + '.attachStatus')
    c.date(pod, nic + '.attachTime')
    c.text(pod, nic + '.networkInterface.networkInterfaceId')
    c.text(pod, nic + '.networkInterface.macAddress', MAC.pattern)
    c.boolean(pod, nic + '.networkInterface.sanityCheck')
    if sg is not None:
        groups = c.listing(pod, nic + '.networkInterface.securityGroups') or []
        named = [g for g in groups if isinstance(g, dict) and g.get('groupId') == sg['networkSecurityGroupId']]
        if not named or named[0].get('groupName') != sg['networkSecurityGroupName']:
            c.fail(nic + '.networkInterface.securityGroups', 'no %s with groupName %s: %s'
                   % (sg['networkSecurityGroupId'], sg['networkSecurityGroupName'], _short(groups)))


def check_secret(c, secret, env, name, email):
    """A Secret: type docker-registry, the data Base64 as createSecret takes it, no password."""
    c.eq(secret, 'name', name)
    c.eq(secret, 'type', 'docker-registry')
    c.date(secret, 'createdAt')
    c.eq(secret, 'data.server', b64(env.registry_server))
    c.eq(secret, 'data.username', b64(env.registry_username))
    c.eq(secret, 'data.email', b64(email))
    c.absent(secret, 'data.password')


def check_quota(c, quota, resource_type):
    c.eq(quota, 'resourceType', resource_type)
    limit = c.integer(quota, 'limit')
    used = c.integer(quota, 'used')
    if isinstance(limit, int) and isinstance(used, int) and not 0 <= used <= max(limit, 0):
        c.fail('used', '%s is not within [0, limit %s]' % (used, limit))


def check_instance_type(c, it, prefix=''):
    holder = {'t': it}
    sub = Checks('')
    sub.text(holder, 't.family')
    sub.text(holder, 't.instanceType')
    sub.integer(holder, 't.cpu')
    sub.integer(holder, 't.memoryMB')
    sub.integer(holder, 't.nicLimit')
    sub.text(holder, 't.desc')
    states = sub.listing(holder, 't.state') or []
    if not states:
        sub.fail('t.state', 'is empty, expected one entry per availability zone')
    for i, _ in enumerate(states):
        sub.text(holder, 't.state[%d].az' % i)
        sub.boolean(holder, 't.state[%d].inStock' % i)
        sub.boolean(holder, 't.state[%d].online' % i)
    for i, disk in enumerate(sub.listing(holder, 't.cloudDiskTypes') or []):
        if not isinstance(disk, str):
            sub.fail('t.cloudDiskTypes[%d]' % i, 'is %s, expected a string' % _short(disk))
    for problem in sub.problems:
        c.problems.append(prefix + problem[2:])


def check_vpc(c, vpc, vpc_id, name, prefix, description=None):
    c.eq(vpc, 'vpcId', vpc_id)
    c.eq(vpc, 'vpcName', name)
    c.eq(vpc, 'addressPrefix', prefix)
    if description is not None:
        c.eq(vpc, 'description', description)
    c.listing(vpc, 'aclIds')
    c.listing(vpc, 'routeTableIds')
    c.listing(vpc, 'subnets')
    c.date(vpc, 'createdTime')


def check_subnet(c, subnet, subnet_id, name, vpc_id, prefix):
    c.eq(subnet, 'subnetId', subnet_id)
    c.eq(subnet, 'subnetName', name)
    c.eq(subnet, 'vpcId', vpc_id)
    c.eq(subnet, 'addressPrefix', prefix)
    c.integer(subnet, 'availableIpCount')
    c.ipv4(subnet, 'startIp', prefix)
    c.ipv4(subnet, 'endIp', prefix)
    c.date(subnet, 'createdTime')


def check_subnet_jdcloud_extras(c, subnet):
    c.eq(subnet, 'subnetType', 'standard')
    c.boolean(subnet, 'publicSubnet')


def check_security_group(c, sg, sg_id, name, vpc_id, rule=None):
    c.eq(sg, 'networkSecurityGroupId', sg_id)
    c.eq(sg, 'networkSecurityGroupName', name)
    c.eq(sg, 'vpcId', vpc_id)
    c.date(sg, 'createdTime')
    rules = c.listing(sg, 'securityGroupRules') or []
    if rule is not None:
        matching = [r for r in rules if isinstance(r, dict) and all(r.get(k) == v for k, v in rule.items())]
        if not matching:
            c.fail('securityGroupRules', 'no rule with %s: %s' % (rule, _short(rules)))
    for i, _ in enumerate(rules):
        c.text(rules, '[%d].ruleId' % i)
        c.integer(rules, '[%d].direction' % i)
        c.integer(rules, '[%d].protocol' % i)
        c.integer(rules, '[%d].ipVersion' % i)
        c.integer(rules, '[%d].fromPort' % i)
        c.integer(rules, '[%d].toPort' % i)
        c.date(rules, '[%d].createdTime' % i)


def check_security_group_jdcloud_extras(c, sg):
    c.eq(sg, 'networkSecurityGroupType', 'custom')
    c.listing(sg, 'networkInterfaceIds')
    for i, _ in enumerate(walk(sg, 'securityGroupRules') or []):
        c.eq(sg, 'securityGroupRules[%d].ruleAction' % i, 'ALLOW')
        c.eq(sg, 'securityGroupRules[%d].addressPrefixType' % i, 'CIDR')
        c.integer(sg, 'securityGroupRules[%d].priority' % i)


def check_elastic_ip(c, eip, eip_id, *, pod=None):
    """An ElasticIp; pod: the describePod answer of the pod it is bound to, or None when unbound."""
    c.eq(eip, 'elasticIpId', eip_id)
    c.ipv4(eip, 'elasticIpAddress', str(ELASTIC_IP_POOL))
    c.eq(eip, 'bandwidthMbps', 1)
    c.eq(eip, 'provider', 'bgp')
    c.date(eip, 'createdTime')
    c.text(eip, 'charge.chargeMode')
    c.date(eip, 'charge.chargeStartTime')
    if pod is not None:
        c.eq(eip, 'instanceId', pod['podId'])
        c.eq(eip, 'instanceType', 'pod')
        c.eq(eip, 'privateIpAddress', pod.get('privateIpAddress'))
    else:
        c.absent(eip, 'instanceId')


def check_elastic_ip_jdcloud_extras(c, eip, name, *, bound):
    """name: the elasticIpName given to createElasticIps (None: not given; jdc 1.2.12 cannot)."""
    if name is not None:
        c.eq(eip, 'elasticIpName', name)
    c.eq(eip, 'status', 'ASSOCIATED' if bound else 'NOT_ASSOCIATED')
    c.eq(eip, 'state', 'UP')
    c.eq(eip, 'ipType', 'standard')


def check_error(c, error, code, status, *words):
    """An error envelope as JD Cloud's core decodes it: {code, status, message}; words: what the
    message must name (case-insensitive)."""
    if error is None:
        c.fail('error', 'missing: expected %s %s' % (code, status))
        return
    c.eq(error, 'code', code)
    c.eq(error, 'status', status)
    message = c.text(error, 'message')
    for word in words:
        if message is not None and word.lower() not in message.lower():
            c.fail('error.message', '%s does not name %s' % (_short(message), word))
