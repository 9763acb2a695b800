"""Operation protection (MFA) through JD Cloud's Python SDK, unchanged.

The launcher's operator makes an account and its access key, enrolls an MFA device and turns
operation protection on, all with requests the SDK signs. The new account's deletePod then needs
the current TOTP code in x-jdcloud-security-token, which the SDK base64-encodes and signs. The code
is computed here by pyotp, an implementation independent of the service's. Without a code, and with
a wrong one, the answer is 403 and the pod stays; with the current code the pod is deleted."""
import time

import pyotp
import pytest
from jdcloud_sdk.core.credential import Credential
from jdcloud_sdk.services.pod.apis.CreatePodsRequest import CreatePodsParameters, CreatePodsRequest
from jdcloud_sdk.services.pod.apis.CreateSecretRequest import CreateSecretParameters, CreateSecretRequest
from jdcloud_sdk.services.pod.apis.DeletePodRequest import DeletePodParameters, DeletePodRequest
from jdcloud_sdk.services.pod.apis.DeleteSecretRequest import DeleteSecretParameters, DeleteSecretRequest
from jdcloud_sdk.services.pod.client.PodClient import PodClient
from jdcloud_sdk.services.pod.models.DockerRegistryData import DockerRegistryData
from jdcloud_sdk.services.pod.models.PodSpec import PodSpec

from operator_api import ProtectedAccount
from conftest import (AZ, EMAIL, GONE_TIMEOUT, INSTANCE_TYPE, PHASE_TIMEOUT, RUNNING_TIMEOUT, Api, RecordingLogger,
                      _config, b64, container_spec, pod_gone, pod_phase, wait_phase, wait_until)

TOKEN = 'x-jdcloud-security-token'


def _client(env, access_key, secret_key):
    logger = RecordingLogger()
    return Api(PodClient(Credential(access_key, secret_key), _config(env), logger), logger)


@pytest.fixture(scope='module')
def protected(env):
    """A new account with protection on: its PodClient and its MFA secret."""
    account = ProtectedAccount(env)
    yield _client(env, account.access_key, account.secret_key), account.mfa_secret
    account.protection_off()


def _protected_delete(api, request_type, params, code):
    """The SDK's request with the MFA code in its header (None: no header)."""
    return api.send(request_type(params, header=None if code is None else {TOKEN: code}))


def test_delete_pod_needs_the_current_mfa_code(protected, env):
    tenant, secret = protected
    name = env.prefix + '-mfa-registry'
    tenant.ok(CreateSecretRequest(CreateSecretParameters(env.region, name, 'docker-registry', DockerRegistryData(
        b64(env.registry_server), b64(env.registry_username), b64(env.registry_password), b64(EMAIL)))))
    spec = PodSpec(env.prefix + '-mfa', INSTANCE_TYPE, AZ, [container_spec(env, name)], None,
                   terminationGracePeriodSeconds=1)
    pod_id = tenant.ok(CreatePodsRequest(CreatePodsParameters(env.region, spec, 1)))['podIds'][0]
    try:
        wait_phase(tenant, env, pod_id, 'running', RUNNING_TIMEOUT)
        delete = DeletePodParameters(env.region, pod_id)

        without = _protected_delete(tenant, DeletePodRequest, delete, None)
        assert without.error is not None and without.error.code == 403, 'deletePod without a code: %r' % (
            without.error and without.error.__dict__)
        assert TOKEN in without.error.message

        current = pyotp.TOTP(secret).now()
        wrong = _protected_delete(tenant, DeletePodRequest, delete, '%06d' % ((int(current) + 500000) % 1000000))
        assert wrong.error is not None and wrong.error.code == 403, 'deletePod with a wrong code: %r' % (
            wrong.error and wrong.error.__dict__)
        assert pod_phase(tenant, env, pod_id) == 'running'

        accepted = _protected_delete(tenant, DeletePodRequest, delete, pyotp.TOTP(secret).now())
        assert accepted.error is None, 'deletePod with the current code: %r' % accepted.error.__dict__
        wait_until(lambda: pod_gone(tenant, env, pod_id), GONE_TIMEOUT, 'pod %s gone' % pod_id)
    finally:
        # protection is still on: the clean-up sends the next time step's code (a code is good
        # once, and the service takes one step either side of its clock). After a failure the pod
        # goes and the secret stays, with the service of this run.
        next_code = pyotp.TOTP(secret).at(time.time() + 30)
        if pod_gone(tenant, env, pod_id):
            tenant.ok(DeleteSecretRequest(DeleteSecretParameters(env.region, name), header={TOKEN: next_code}))
        else:
            wait_until(lambda: pod_phase(tenant, env, pod_id) in ('running', 'stopped', 'error'), PHASE_TIMEOUT,
                       'pod %s deletable' % pod_id)
            _protected_delete(tenant, DeletePodRequest, DeletePodParameters(env.region, pod_id), next_code)
