"""Schemathesis hooks of the fuzzing stage: every generated request is signed with JD Cloud's own
Python signer (jdcloud_auth.JdcloudSignature), so the fuzzer exercises the operations behind the
signature check rather than only the check itself."""
import os
import sys

import schemathesis

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from jdcloud_auth import JdcloudSignature  # noqa: E402


@schemathesis.hook
def before_call(context, case, kwargs):
    kwargs["auth"] = JdcloudSignature()
