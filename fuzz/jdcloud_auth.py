"""Requests signed with JD Cloud's own Python signer (jdcloud_sdk.core.signer, JDCLOUD3) over the exact
bytes requests will send, for the fuzzing stage's hooks and its seed."""
import os
import re
from urllib.parse import urlsplit

import requests
from jdcloud_sdk.core.credential import Credential
from jdcloud_sdk.core.logger import ERROR, Logger
from jdcloud_sdk.core.signer import Signer

_CREDENTIAL = Credential(os.environ["POD_ACCESS_KEY"], os.environ["POD_SECRET_KEY"])
_REGION_IN_PATH = re.compile(r"^/v1/regions/([^/]+)")


class _Quiet(Logger):
    def __init__(self):
        super().__init__(ERROR)

    def log(self, level, message):
        pass


class JdcloudSignature(requests.auth.AuthBase):
    """Signs the prepared request: its final URL, headers and body, as they go on the wire."""

    def __call__(self, request):
        body = request.body or ""
        if isinstance(body, bytes):
            try:
                body = body.decode("utf-8")
            except UnicodeDecodeError:
                return request  # not text: sent unsigned, and answered 401 or 400
        path = urlsplit(request.url).path
        match = _REGION_IN_PATH.match(path)
        region = match.group(1) if match else "cn-north-1"
        service = "vpc" if re.search(r"/(vpcs|subnets|networkSecurityGroups|elasticIps)", path) else "pod"
        headers = {"Content-Type": request.headers.get("Content-Type", "application/json")}
        try:
            Signer(_Quiet()).sign(method=request.method, service=service, region=region, uri=request.url,
                                  headers=headers, data=body, credential=_CREDENTIAL, security_token="")
        except (ValueError, TypeError, AttributeError, UnicodeError):
            return request  # a URL the signer cannot take apart: sent unsigned
        for name, value in headers.items():
            request.headers[name] = value
        return request
