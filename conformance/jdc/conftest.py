"""Fixtures of the jdc tests: JD Cloud's CLI (jdcloud-cli 1.2.12, run through jdc_shim.py), as a
user runs it, configured through a temporary HOME (~/.jdc/config and ~/.jdc/current), its JSON
output parsed. jdc exits 0 even when the API answers an error, so every call checks the printed
error field. Everything created here is deleted at the end of the session."""
import contextlib
import json
import os
import pathlib
import pty
import select
import struct
import subprocess
import sys
import tempfile
import time

import fcntl
import pytest
import termios

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / 'pycommon'))

from expect import AZ, INSTANCE_TYPE, TICKER, Checks, Env, b64, wait_until  # noqa: E402

SHIM = pathlib.Path(__file__).resolve().with_name('jdc_shim.py')
WEIRD = 'a b:c/d%e+f 中文'  # space, ':', '/', '%', '+' and non-ASCII: a tag value and a filter value
EMAIL = 'conformance@example.com'


def weird_tag(env):
    """The main pod's tag value: the awkward characters, and the client and run (unique)."""
    return '%s %s' % (WEIRD, env.prefix)
RUNNING_TIMEOUT = 120
PHASE_TIMEOUT = 60
GONE_TIMEOUT = 90
COMMAND_TIMEOUT = 60  # one jdc command


def arg(value):
    """A JSON argument as jdc takes it (it YAML-parses values starting with '{' or '[')."""
    return json.dumps(value, ensure_ascii=False)


class Jdc:
    """jdc with its own HOME, as a user would run it."""

    def __init__(self, home):
        self.home = home
        self.environ = dict(os.environ, HOME=home, PYTHONDONTWRITEBYTECODE='1')

    def command(self, *args):
        return [sys.executable, str(SHIM)] + [str(a) for a in args]

    def run(self, *args):
        """The JSON jdc printed: {"request_id", "error", "result"}."""
        proc = subprocess.run(self.command(*args), env=self.environ, capture_output=True, timeout=COMMAND_TIMEOUT)
        where = 'jdc %s' % ' '.join(str(a) for a in args)
        assert proc.returncode == 0, '%s: exit %d\nstdout: %s\nstderr: %s' % (
            where, proc.returncode, proc.stdout.decode(errors='replace'), proc.stderr.decode(errors='replace'))
        try:
            out = json.loads(proc.stdout)
        except ValueError:
            raise AssertionError('%s printed no JSON answer: %r (stderr %r)' % (where, proc.stdout, proc.stderr)) from None
        assert isinstance(out, dict) and set(out) >= {'request_id', 'error', 'result'}, '%s printed %r' % (where, out)
        return out

    def ok(self, *args):
        """The result of a command that must succeed (None for operations without a result)."""
        out = self.run(*args)
        where = 'jdc %s' % ' '.join(str(a) for a in args)
        assert out['request_id'], '%s: no request id: %r' % (where, out)
        assert out['error'] is None, '%s: error %r' % (where, out['error'])
        return out['result']

    def error(self, *args):
        """The error (code, status, message) of a command that must fail."""
        out = self.run(*args)
        where = 'jdc %s' % ' '.join(str(a) for a in args)
        assert out['request_id'], '%s: no request id: %r' % (where, out)
        assert out['error'] is not None, '%s: succeeded (%r), expected an error' % (where, out['result'])
        return out['error']

    def on_pty(self, args, stdin=b'', timeout=30, until=None):
        """Runs jdc with stdin from a pipe (stdin, then end of file) and stdout on a pty of 40 rows
        and 120 columns, as jdc's WebSocket commands need (after the session they read the window
        size of stdout for a resizeTTY). Stops when jdc exits, when until(stdout) holds (jdc is
        then terminated), or after timeout seconds. Returns (exit code or None, stdout, stderr)."""
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
        attrs = termios.tcgetattr(slave)
        attrs[1] &= ~termios.ONLCR  # no \n -> \r\n on output
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
        proc = subprocess.Popen(self.command(*args), env=self.environ, stdin=subprocess.PIPE, stdout=slave,
                                stderr=subprocess.PIPE)
        os.close(slave)
        proc.stdin.write(stdin)
        proc.stdin.close()
        out, err = b'', b''
        readers = {master: 'out', proc.stderr.fileno(): 'err'}
        deadline = time.monotonic() + timeout
        stopped_early = False
        try:
            while readers and time.monotonic() < deadline:
                ready, _, _ = select.select(list(readers), [], [], 0.5)
                for fd in ready:
                    try:
                        data = os.read(fd, 65536)
                    except OSError:  # EIO: the pty's other side closed
                        data = b''
                    if not data:
                        del readers[fd]
                    elif readers[fd] == 'out':
                        out += data
                    else:
                        err += data
                if until is not None and until(out):
                    stopped_early = True
                    break
            code = None
            if not readers:  # stdout and stderr closed: jdc has exited, or is exiting
                try:
                    code = proc.wait(10)
                except subprocess.TimeoutExpired:
                    code = None
            elif not stopped_early:
                code = proc.poll()
            if code is None:  # still running: past the deadline, or stopped on purpose (until)
                proc.terminate()
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        finally:
            os.close(master)
            proc.stderr.close()
        return code, out, err


@pytest.fixture(scope='session')
def env():
    return Env('jdc')


@contextlib.contextmanager
def configured_jdc(env, access_key, secret_key):
    """jdc configured the documented way: profile 'default' in ~/.jdc/config of a temporary HOME,
    endpoint host:port with scheme http, and ~/.jdc/current naming it (without a newline)."""
    with tempfile.TemporaryDirectory(prefix='jdc-home-') as home:
        os.makedirs(os.path.join(home, '.jdc'))
        with open(os.path.join(home, '.jdc', 'config'), 'w') as f:
            f.write('[default]\naccess_key = %s\nsecret_key = %s\nregion_id = %s\nendpoint = %s\nscheme = http\n'
                    'timeout = 30\n' % (access_key.replace('%', '%%'), secret_key.replace('%', '%%'),
                                        env.region, env.endpoint))
        with open(os.path.join(home, '.jdc', 'current'), 'w') as f:
            f.write('default')
        yield Jdc(home)


@pytest.fixture(scope='session')
def jdc(env):
    """jdc with the run's account (the launcher's default)."""
    with configured_jdc(env, env.access_key, env.secret_key) as configured:
        yield configured


def describe_pod(jdc, pod_id):
    return jdc.ok('pod', 'describe-pod', '--pod-id', pod_id)['pod']


def wait_phase(jdc, pod_id, phase, timeout):
    def reached():
        pod = describe_pod(jdc, pod_id)
        now = pod.get('podStatus', {}).get('phase')
        if now == 'error':
            raise AssertionError('pod %s went to phase error: %s' % (pod_id, pod.get('podStatus')))
        return pod if now == phase else None
    return wait_until(reached, timeout, 'pod %s in phase %s' % (pod_id, phase))


def pod_gone(jdc, pod_id):
    out = jdc.run('pod', 'describe-pod', '--pod-id', pod_id)
    return out['error'] is not None and out['error'].get('code') == 404


def delete_pod(jdc, pod_id):
    if pod_gone(jdc, pod_id):
        return
    wait_until(lambda: describe_pod(jdc, pod_id)['podStatus']['phase'] in ('running', 'stopped', 'error'),
               PHASE_TIMEOUT, 'pod %s in a phase that allows delete-pod' % pod_id)
    jdc.ok('pod', 'delete-pod', '--pod-id', pod_id)
    wait_until(lambda: pod_gone(jdc, pod_id), GONE_TIMEOUT, 'pod %s gone (describe-pod 404)' % pod_id)


@pytest.fixture(scope='session')
def created_pods(jdc):
    made = []
    yield made
    for pod_id in made:
        delete_pod(jdc, pod_id)


@pytest.fixture(scope='session')
def secret(jdc, env):
    """jdc pod create-secret with the Base64 data JD Cloud documents."""
    name = env.prefix + '-registry'
    data = {'server': b64(env.registry_server), 'username': b64(env.registry_username),
            'password': b64(env.registry_password), 'email': b64(EMAIL)}
    result = jdc.ok('pod', 'create-secret', '--name', name, '--secret-type', 'docker-registry', '--data', arg(data))
    with Checks('create-secret result') as c:
        c.eq(result, 'secretName', name)
    jdc.ok('pod', 'describe-secret', '--name', name)  # read-your-writes
    yield name
    jdc.ok('pod', 'delete-secret', '--name', name)
    error = jdc.error('pod', 'describe-secret', '--name', name)
    assert (error.get('code'), error.get('status')) == (404, 'NOT_FOUND'), 'describe-secret after delete: %r' % error


@pytest.fixture(scope='session')
def network(jdc, env):
    """jdc vpc create-vpc / create-subnet / create-network-security-group /
    add-network-security-group-rules, each create followed at once by its describe."""
    made = {}
    try:
        vpc_name = env.prefix + '-vpc'
        vpc_id = jdc.ok('vpc', 'create-vpc', '--vpc-name', vpc_name, '--address-prefix', env.vpc_prefix,
                        '--description', 'conformance vpc')['vpcId']
        made['vpc_create'] = {'vpcId': vpc_id, 'vpcName': vpc_name, 'addressPrefix': env.vpc_prefix,
                              'description': 'conformance vpc'}
        made['vpc'] = jdc.ok('vpc', 'describe-vpc', '--vpc-id', vpc_id)['vpc']
        subnet_name = env.prefix + '-subnet'
        subnet_id = jdc.ok('vpc', 'create-subnet', '--vpc-id', vpc_id, '--subnet-name', subnet_name,
                           '--address-prefix', env.subnet_prefix)['subnetId']
        made['subnet_create'] = {'subnetId': subnet_id, 'subnetName': subnet_name, 'vpcId': vpc_id,
                                 'addressPrefix': env.subnet_prefix}
        made['subnet'] = jdc.ok('vpc', 'describe-subnet', '--subnet-id', subnet_id)['subnet']
        sg_name = env.prefix + '-sg'
        sg_id = jdc.ok('vpc', 'create-network-security-group', '--vpc-id', vpc_id, '--network-security-group-name',
                       sg_name, '--description', 'conformance security group')['networkSecurityGroupId']
        made['sg_create'] = {'networkSecurityGroupId': sg_id, 'networkSecurityGroupName': sg_name}
        made['sg_first'] = jdc.ok('vpc', 'describe-network-security-group', '--network-security-group-id',
                                  sg_id)['networkSecurityGroup']
        rule = {'protocol': 6, 'direction': 0, 'addressPrefix': '0.0.0.0/0', 'fromPort': 22, 'toPort': 22,
                'description': 'ssh in'}
        made['rules_result'] = jdc.ok('vpc', 'add-network-security-group-rules', '--network-security-group-id', sg_id,
                                      '--network-security-group-rule-specs', arg([rule]))
        yield made
    finally:
        if 'sg_create' in made:
            sg_id = made['sg_create']['networkSecurityGroupId']
            jdc.ok('vpc', 'delete-network-security-group', '--network-security-group-id', sg_id)
            error = jdc.error('vpc', 'describe-network-security-group', '--network-security-group-id', sg_id)
            assert error.get('code') == 404, 'describe-network-security-group after delete: %r' % error
        if 'subnet_create' in made:
            subnet_id = made['subnet_create']['subnetId']
            jdc.ok('vpc', 'delete-subnet', '--subnet-id', subnet_id)
            error = jdc.error('vpc', 'describe-subnet', '--subnet-id', subnet_id)
            assert error.get('code') == 404, 'describe-subnet after delete: %r' % error
        if 'vpc_create' in made:
            vpc_id = made['vpc_create']['vpcId']
            jdc.ok('vpc', 'delete-vpc', '--vpc-id', vpc_id)
            error = jdc.error('vpc', 'describe-vpc', '--vpc-id', vpc_id)
            assert error.get('code') == 404, 'describe-vpc after delete: %r' % error


def container_spec(env, secret, name='main', command=None, resources=None):
    spec = {'name': name, 'image': env.image, 'secret': secret, 'command': command or TICKER,
            'systemDisk': {'category': 'local', 'sizeGB': 20}}
    if resources is not None:
        spec['resources'] = resources
    return spec


def pod_spec(env, network, name, containers, **extra):
    spec = {'name': name, 'instanceType': INSTANCE_TYPE, 'az': AZ, 'terminationGracePeriodSeconds': 1,
            'containers': containers,
            'primaryNetworkInterface': {'autoDelete': True, 'deviceIndex': 1, 'networkInterface': {
                'subnetId': network['subnet_create']['subnetId'],
                'securityGroups': [network['sg_create']['networkSecurityGroupId']]}}}
    spec.update(extra)
    return spec


def create_pod(jdc, created_pods, spec):
    """jdc pod create-pods with one pod; its first describe-pod must find it (read-your-writes)."""
    result = jdc.ok('pod', 'create-pods', '--pod-spec', arg(spec), '--max-count', 1, '--client-token', spec['name'])
    ids = result['podIds']
    assert isinstance(ids, list) and len(ids) == 1, 'create-pods podIds: %r' % ids
    created_pods.append(ids[0])
    out = jdc.run('pod', 'describe-pod', '--pod-id', ids[0])
    assert out['error'] is None, 'describe-pod right after create-pods: %r' % out['error']
    return ids[0]


@pytest.fixture(scope='session')
def main_pod(jdc, env, network, secret, created_pods):
    """One container printing 'tick' every second, pulled from the private registry with the
    secret, on the run's subnet, with tags. Running when yielded."""
    name = env.prefix + '-main'
    spec = pod_spec(env, network, name, [container_spec(env, secret)], hostname='jdc-main',
                    description='conformance main pod',
                    userTags=[{'key': 'conformance', 'value': env.run_id}, {'key': 'weird', 'value': weird_tag(env)}])
    pod_id = create_pod(jdc, created_pods, spec)
    wait_phase(jdc, pod_id, 'running', RUNNING_TIMEOUT)
    return {'podId': pod_id, 'name': name}
