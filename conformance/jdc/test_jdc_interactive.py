"""The container operations with jdc, WebSockets included: get-container-logs, exec-create,
exec-start (stdout on a pty, stdin from a pipe: jdc's non-interactive mode sends stdin in one
frame, then \\x04), exec-get-exit-code, resize-tty, attach. The service's frames to the client
are JSON {"streamType": "stdout"|"stderr", "output": ...}, which jdc writes to stdout/stderr."""
import json

from expect import wait_until


def exec_create(jdc, pod_id, command):
    result = jdc.ok('pod', 'exec-create', '--pod-id', pod_id, '--container-name', 'main',
                    '--command', json.dumps(command))
    assert isinstance(result, dict) and isinstance(result.get('execId'), str) and result['execId'], result
    return result['execId']


def exec_start(jdc, pod_id, exec_id, stdin=b''):
    code, out, err = jdc.on_pty(['pod', 'exec-start', '--pod-id', pod_id, '--container-name', 'main',
                                 '--exec-id', exec_id], stdin=stdin, timeout=30)
    assert code is not None, 'jdc pod exec-start did not end within 30 s (the server must close the WebSocket ' \
                             'when the process ends); stdout %r, stderr %r' % (out, err)
    return code, out.decode(errors='replace'), err.decode(errors='replace')


def exit_code(jdc, pod_id, exec_id):
    def ended():
        out = jdc.run('pod', 'exec-get-exit-code', '--pod-id', pod_id, '--container-name', 'main', '--exec-id', exec_id)
        return out['result'] if out['error'] is None else None
    result = wait_until(ended, 10, 'exec-get-exit-code of %s to answer' % exec_id)
    return result.get('execCode')


def resize_answer(stdout):
    """The JSON jdc printed for the resizeTTY it sends after the session, if any."""
    start = stdout.find('{\n')
    if start < 0:
        return None
    try:
        return json.loads(stdout[start:])
    except ValueError:
        return None


def test_get_container_logs(jdc, main_pod):
    def ticks():
        result = jdc.ok('pod', 'get-container-logs', '--pod-id', main_pod['podId'], '--container-name', 'main',
                        '--tail-lines', 3, '--since-seconds', 600)
        content = ((result or {}).get('logs') or {}).get('content')
        assert isinstance(content, str), result
        return content if 'tick' in content else None
    content = wait_until(ticks, 30, 'tick in get-container-logs')
    lines = [line for line in content.splitlines() if line]
    assert 1 <= len(lines) <= 3 and set(lines) == {'tick'}, '--tail-lines 3 answered %r' % content


def test_exec_start_over_websocket_and_exit_code(jdc, main_pod):
    pod_id = main_pod['podId']
    exec_id = exec_create(jdc, pod_id, ['sh', '-c', 'echo hello-from-jdc; exit 3'])
    code, out, err = exec_start(jdc, pod_id, exec_id)
    assert 'hello-from-jdc' in out, 'exec-start stdout %r (stderr %r)' % (out, err)
    assert code == 0, 'jdc exited %d: stdout %r, stderr %r' % (code, out, err)
    assert exit_code(jdc, pod_id, exec_id) == 3
    resized = resize_answer(out)
    assert resized is not None and resized.get('error') is None, \
        'the resizeTTY that jdc sends after the session (the exec has ended): %r' % (resized or out)


def test_exec_start_stdin_and_stderr(jdc, main_pod):
    """Input sent in one frame then \\x04, which ends a non-TTY exec's stdin; stderr comes back
    as streamType stderr."""
    pod_id = main_pod['podId']
    exec_id = exec_create(jdc, pod_id, ['sh', '-c', 'cat; echo cat-done; echo to-stderr >&2'])
    code, out, err = exec_start(jdc, pod_id, exec_id, stdin=b'from-stdin\n')
    assert 'from-stdin' in out and 'cat-done' in out, 'exec-start stdout %r (stderr %r)' % (out, err)
    assert 'to-stderr' in err, 'exec-start stderr %r (stdout %r)' % (err, out)
    assert exit_code(jdc, pod_id, exec_id) == 0


def test_resize_tty(jdc, main_pod):
    jdc.ok('pod', 'resize-tty', '--pod-id', main_pod['podId'], '--container-name', 'main', '--height', 40,
           '--width', 120)


def test_attach_streams_the_main_process_output(jdc, main_pod):
    """The main container prints 'tick' every second: attach shows it; jdc is stopped after."""
    code, out, err = jdc.on_pty(['pod', 'attach', '--pod-id', main_pod['podId'], '--container-name', 'main'],
                                timeout=20, until=lambda out: b'tick' in out)
    assert b'tick' in out, 'jdc pod attach printed no tick within 20 s: stdout %r, stderr %r (exit %r)' % (
        out, err, code)
