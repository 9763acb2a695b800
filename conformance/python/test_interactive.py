"""The container operations with JD Cloud's Python SDK: getContainerLogs, execCreate, execStart,
execGetExitCode, resizeTTY, attach. The SDK's execStart and attach are plain GETs (only jdc
speaks the WebSocket): the service must answer them with a JSON error envelope, not a crash."""
from expect import Checks, check_error, wait_until

from jdcloud_sdk.services.pod.apis.AttachRequest import AttachParameters, AttachRequest
from jdcloud_sdk.services.pod.apis.ExecCreateRequest import ExecCreateParameters, ExecCreateRequest
from jdcloud_sdk.services.pod.apis.ExecGetExitCodeRequest import ExecGetExitCodeParameters, ExecGetExitCodeRequest
from jdcloud_sdk.services.pod.apis.ExecStartRequest import ExecStartParameters, ExecStartRequest
from jdcloud_sdk.services.pod.apis.GetContainerLogsRequest import GetContainerLogsParameters, GetContainerLogsRequest
from jdcloud_sdk.services.pod.apis.ResizeTTYRequest import ResizeTTYParameters, ResizeTTYRequest


def test_get_container_logs(pods, env, main_pod):
    def ticks():
        params = GetContainerLogsParameters(env.region, main_pod['podId'], 'main')
        params.setTailLines(3)
        params.setSinceSeconds(600)
        result = pods.ok(GetContainerLogsRequest(params))
        assert isinstance(result, dict) and isinstance(result.get('logs'), dict), result
        content = result['logs'].get('content')
        assert isinstance(content, str), result
        return content if 'tick' in content else None
    content = wait_until(ticks, 30, 'tick in the main container\'s log')
    lines = [line for line in content.splitlines() if line]
    assert 1 <= len(lines) <= 3 and set(lines) == {'tick'}, 'tailLines=3 answered %r' % content


def exec_create(pods, env, main_pod, command, tty=False):
    params = ExecCreateParameters(env.region, main_pod['podId'], 'main', command)
    params.setTty(tty)
    result = pods.ok(ExecCreateRequest(params))
    assert isinstance(result, dict) and isinstance(result.get('execId'), str) and result['execId'], result
    return result['execId']


def test_exec_start_as_plain_get_is_a_json_error(pods, env, main_pod):
    exec_id = exec_create(pods, env, main_pod, ['sh', '-c', 'echo hello; exit 3'])
    error = pods.error(ExecStartRequest(ExecStartParameters(env.region, main_pod['podId'], 'main', exec_id)))
    with Checks('execStart without a WebSocket upgrade') as c:
        check_error(c, vars(error), 400, 'INVALID_ARGUMENT', 'websocket')


def test_exec_get_exit_code_is_an_envelope(pods, env, main_pod):
    """The exec was created but never started (the SDK cannot start it): the answer is either an
    exit code or FAILED_PRECONDITION, always in JD Cloud's envelope."""
    exec_id = exec_create(pods, env, main_pod, ['sh', '-c', 'exit 3'])
    resp = pods.send(ExecGetExitCodeRequest(ExecGetExitCodeParameters(env.region, main_pod['podId'], 'main',
                                                                       exec_id)))
    assert resp.request_id, 'no requestId: %r' % pods.logger.answer
    if resp.error is None:
        with Checks('execGetExitCode result') as c:
            c.integer(resp.result, 'execCode')
    else:
        assert (resp.error.code, resp.error.status) == (400, 'FAILED_PRECONDITION'), vars(resp.error)


def test_exec_get_exit_code_of_an_unknown_exec(pods, env, main_pod):
    error = pods.error(ExecGetExitCodeRequest(ExecGetExitCodeParameters(env.region, main_pod['podId'], 'main',
                                                                        'no-such-exec')))
    assert error.code in (400, 404) and error.status in ('NOT_FOUND', 'INVALID_ARGUMENT', 'FAILED_PRECONDITION'), \
        vars(error)


def test_resize_tty_of_the_attach_session(pods, env, main_pod):
    params = ResizeTTYParameters(env.region, main_pod['podId'], 'main', 40, 120)
    pods.ok(ResizeTTYRequest(params))


def test_attach_as_plain_get_is_a_json_error(pods, env, main_pod):
    error = pods.error(AttachRequest(AttachParameters(env.region, main_pod['podId'], 'main')))
    with Checks('attach without a WebSocket upgrade') as c:
        check_error(c, vars(error), 400, 'INVALID_ARGUMENT', 'websocket')
