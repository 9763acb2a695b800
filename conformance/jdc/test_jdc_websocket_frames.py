"""The WebSocket protocol of execStart, frame by frame, with the pieces jdc itself uses: JD Cloud's
signer (the jdcloud-sdk jdc pins) and websocket-client (the version jdc pins), connecting exactly
as jdc's exec-start does. jdc accepts more than the contract (it also writes raw binary frames),
so this checks the contract itself:
- server -> client: JSON text frames {"streamType": "stdout"|"stderr", "output": "..."}, then
  the server closes the connection when the process ends;
- client -> server: raw input bytes; a frame that is exactly \\x04 ends a non-TTY exec's stdin,
  and so does an empty binary frame."""
import json

import websocket
from jdcloud_sdk.core.credential import Credential
from jdcloud_sdk.core.logger import ERROR, Logger
from jdcloud_sdk.core.signer import Signer

from expect import wait_until


def exec_create(jdc, pod_id, command):
    result = jdc.ok('pod', 'exec-create', '--pod-id', pod_id, '--container-name', 'main',
                    '--command', json.dumps(command))
    return result['execId']


def exec_start(env, pod_id, exec_id):
    """Opens the exec's WebSocket the way jdc does: ws://, signed GET, content-type signed."""
    url = 'ws://%s/v1/regions/%s/pods/%s/containers/main:execStart?execId=%s' % (env.endpoint, env.region, pod_id,
                                                                                  exec_id)
    headers = {'content-type': 'application/json'}
    Signer(Logger(ERROR)).sign('GET', 'pod', env.region, url, headers, '', Credential(env.access_key, env.secret_key), '')
    return websocket.create_connection(url, timeout=20, header=headers)


def frames_until_close(ws):
    """Every data frame (opcode, payload) the server sends until it closes the connection."""
    frames = []
    while True:
        opcode, data = ws.recv_data(control_frame=False)
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            return frames
        frames.append((opcode, data))


def streams(frames):
    """stdout and stderr from the frames, failing on any frame that is not the contract's JSON."""
    out = {'stdout': '', 'stderr': ''}
    for opcode, data in frames:
        assert opcode == websocket.ABNF.OPCODE_TEXT, 'a %s frame %r: the contract sends JSON text frames' % (
            websocket.ABNF.OPCODE_MAP.get(opcode, opcode), data)
        message = json.loads(data.decode('utf-8'))
        assert isinstance(message, dict) and message.get('streamType') in out and isinstance(
            message.get('output'), str), 'frame %r is not {"streamType": "stdout"|"stderr", "output": "..."}' % data
        out[message['streamType']] += message['output']
    return out


def exit_code(jdc, pod_id, exec_id):
    def ended():
        out = jdc.run('pod', 'exec-get-exit-code', '--pod-id', pod_id, '--container-name', 'main', '--exec-id', exec_id)
        return out['result'] if out['error'] is None else None
    return wait_until(ended, 10, 'exec-get-exit-code of %s to answer' % exec_id).get('execCode')


def test_output_comes_as_json_text_frames_then_close(jdc, env, main_pod):
    pod_id = main_pod['podId']
    exec_id = exec_create(jdc, pod_id, ['sh', '-c', 'echo out-line; echo err-line >&2; exit 4'])
    ws = exec_start(env, pod_id, exec_id)
    try:
        out = streams(frames_until_close(ws))
    finally:
        ws.close()
    assert 'out-line' in out['stdout'] and 'err-line' in out['stderr'], out
    assert exit_code(jdc, pod_id, exec_id) == 4


def test_a_frame_of_ctrl_d_ends_stdin(jdc, env, main_pod):
    pod_id = main_pod['podId']
    exec_id = exec_create(jdc, pod_id, ['sh', '-c', 'cat; echo after-eof'])
    ws = exec_start(env, pod_id, exec_id)
    try:
        ws.send_binary(b'line-one\n')
        ws.send_binary(b'\x04')
        out = streams(frames_until_close(ws))
    finally:
        ws.close()
    assert 'line-one' in out['stdout'] and 'after-eof' in out['stdout'], out


def test_an_empty_binary_frame_ends_stdin(jdc, env, main_pod):
    pod_id = main_pod['podId']
    exec_id = exec_create(jdc, pod_id, ['sh', '-c', 'cat; echo after-eof'])
    ws = exec_start(env, pod_id, exec_id)
    try:
        ws.send_binary(b'line-two\n')
        ws.send_binary(b'')
        out = streams(frames_until_close(ws))
    finally:
        ws.close()
    assert 'line-two' in out['stdout'] and 'after-eof' in out['stdout'], out
