"""Runs JD Cloud's `jdc` CLI (jdcloud-cli 1.2.12) unchanged, with one workaround.

jdcloud-cli 1.2.12's parameter builder (collect_user_headers) reads app.pargs.jdcloudHeaders, but
the pod commands define only --headers (dest 'headers'): every `jdc pod ...` fails with
"'Namespace' object has no attribute 'jdcloudHeaders'" before sending anything. A class-level
default on argparse's Namespace makes the attribute read None, so jdc falls back to --headers as it
means to; the default is not an instance attribute, so it never reaches a request.
Usage: python jdc_shim.py <jdc arguments>   (the python of the virtualenv that has jdcloud-cli)
"""
import argparse
import sys

argparse.Namespace.jdcloudHeaders = None

from jdcloud_cli.jdc import main  # noqa: E402

if __name__ == '__main__':
    sys.argv[0] = 'jdc'
    sys.exit(main())
