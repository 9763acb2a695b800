"""The service's operator API (not JD Cloud's) called through JD Cloud's Python SDK, signed with the
launcher's operator key (POD_OPERATOR_ACCESS_KEY / POD_OPERATOR_SECRET_KEY): accounts, their access
keys, MFA devices and operation protection, for the suites' protection tests."""
import os
import urllib.parse

from jdcloud_sdk.core.config import Config
from jdcloud_sdk.core.credential import Credential
from jdcloud_sdk.core.jdcloudrequest import JDCloudRequest
from jdcloud_sdk.services.pod.client.PodClient import PodClient


class OperatorRequest(JDCloudRequest):
    """A POST of the operator API, sent and signed by the SDK's client."""

    def __init__(self, path, parameters):
        super(OperatorRequest, self).__init__(path, 'POST', None, 'v1')
        self.parameters = parameters


def call(env, path, parameters):
    """The result of an operator call that must succeed."""
    client = PodClient(Credential(os.environ['POD_OPERATOR_ACCESS_KEY'], os.environ['POD_OPERATOR_SECRET_KEY']),
                       Config(env.endpoint, 'http', 30))
    resp = client.send(OperatorRequest(path, parameters))
    assert resp.error is None, 'operator %s: %r' % (path, resp.error.__dict__)
    return resp.result


class ProtectedAccount:
    """A new account (named after the run and client) with an access key, an MFA device and
    operation protection on; protection_off() turns it off again."""

    def __init__(self, env):
        self.env = env
        self.account_id = call(env, '/accounts', {'name': env.prefix + '-mfa'})['accountId']
        key = call(env, '/accounts/{accountId}:createAccessKey', {'accountId': self.account_id})
        self.access_key, self.secret_key = key['accessKeyId'], key['secretAccessKey']
        uri = call(env, '/accounts/{accountId}:enrollMfa', {'accountId': self.account_id})['otpauthUri']
        self.mfa_secret = urllib.parse.parse_qs(urllib.parse.urlparse(uri).query)['secret'][0]
        self._protect(True)

    def protection_off(self):
        self._protect(False)

    def _protect(self, enabled):
        call(self.env, '/accounts/{accountId}:setOperationProtection', {'accountId': self.account_id,
                                                                        'enabled': enabled})
