"""Operation protection (MFA) through jdc: delete-pod with --headers '{"x-jdcloud-security-token": …}',
as jdc's own help shows. The operator's part (a new account, its access key, an MFA device,
protection on) goes through the JD Cloud SDK that jdc itself runs on, signed with the launcher's
operator key; the code is computed here by pyotp, not by the service's implementation."""
import time

import pyotp
import pytest

from operator_api import ProtectedAccount
from conftest import (AZ, EMAIL, GONE_TIMEOUT, INSTANCE_TYPE, PHASE_TIMEOUT, RUNNING_TIMEOUT, arg, b64,
                      configured_jdc, container_spec, describe_pod, pod_gone, wait_phase, wait_until)

TOKEN = 'x-jdcloud-security-token'


@pytest.fixture(scope='module')
def protected(env):
    """jdc configured with a new account's key, protection on: (jdc, the account's MFA secret)."""
    account = ProtectedAccount(env)
    with configured_jdc(env, account.access_key, account.secret_key) as jdc:
        yield jdc, account.mfa_secret
    account.protection_off()


def _headers(code):
    return arg({TOKEN: code})


def test_delete_pod_needs_the_current_mfa_code(protected, env):
    jdc, secret = protected
    name = env.prefix + '-mfa-registry'
    data = {'server': b64(env.registry_server), 'username': b64(env.registry_username),
            'password': b64(env.registry_password), 'email': b64(EMAIL)}
    jdc.ok('pod', 'create-secret', '--name', name, '--secret-type', 'docker-registry', '--data', arg(data))
    spec = {'name': env.prefix + '-mfa', 'instanceType': INSTANCE_TYPE, 'az': AZ, 'terminationGracePeriodSeconds': 1,
            'containers': [container_spec(env, name)]}
    pod_id = jdc.ok('pod', 'create-pods', '--pod-spec', arg(spec), '--max-count', 1)['podIds'][0]
    try:
        wait_phase(jdc, pod_id, 'running', RUNNING_TIMEOUT)

        without = jdc.error('pod', 'delete-pod', '--pod-id', pod_id)
        assert without.get('code') == 403 and TOKEN in without.get('message', ''), 'delete-pod without a code: %r' % without
        current = pyotp.TOTP(secret).now()
        wrong = jdc.error('pod', 'delete-pod', '--pod-id', pod_id, '--headers',
                          _headers('%06d' % ((int(current) + 500000) % 1000000)))
        assert wrong.get('code') == 403, 'delete-pod with a wrong code: %r' % wrong
        assert describe_pod(jdc, pod_id)['podStatus']['phase'] == 'running'

        jdc.ok('pod', 'delete-pod', '--pod-id', pod_id, '--headers', _headers(pyotp.TOTP(secret).now()))
        wait_until(lambda: pod_gone(jdc, pod_id), GONE_TIMEOUT, 'pod %s gone' % pod_id)
    finally:
        # protection is still on: the clean-up sends the next time step's code (a code is good
        # once, and the service takes one step either side of its clock). After a failure the pod
        # goes and the secret stays, with the service of this run.
        next_code = pyotp.TOTP(secret).at(time.time() + 30)
        if pod_gone(jdc, pod_id):
            jdc.ok('pod', 'delete-secret', '--name', name, '--headers', _headers(next_code))
        else:
            wait_until(lambda: describe_pod(jdc, pod_id)['podStatus']['phase'] in ('running', 'stopped', 'error'),
                       PHASE_TIMEOUT, 'pod %s deletable' % pod_id)
            jdc.run('pod', 'delete-pod', '--pod-id', pod_id, '--headers', _headers(next_code))
