"""Config files with JD Cloud's Python SDK: createConfigFile, describeConfigFile, updateConfigFile,
deleteConfigFile and their errors; a pod that mounts one prints its content, and after
updateConfigFile the running pod prints the new content; a config file in use is not deleted."""
from conftest import (RUNNING_TIMEOUT, container_spec, create_pod, delete_pod, error_dict, pod_spec,
                      wait_phase)
from expect import Checks, b64, wait_until

from jdcloud_sdk.services.pod.apis.CreateConfigFileRequest import CreateConfigFileParameters, CreateConfigFileRequest
from jdcloud_sdk.services.pod.apis.DeleteConfigFileRequest import DeleteConfigFileParameters, DeleteConfigFileRequest
from jdcloud_sdk.services.pod.apis.DescribeConfigFileRequest import (DescribeConfigFileParameters,
                                                                     DescribeConfigFileRequest)
from jdcloud_sdk.services.pod.apis.GetContainerLogsRequest import GetContainerLogsParameters, GetContainerLogsRequest
from jdcloud_sdk.services.pod.apis.UpdateConfigFileRequest import UpdateConfigFileParameters, UpdateConfigFileRequest
from jdcloud_sdk.services.pod.models.ConfigFileData import ConfigFileData
from jdcloud_sdk.services.pod.models.ConfigFileToPathSpec import ConfigFileToPathSpec
from jdcloud_sdk.services.pod.models.ConfigFileVolumeSourceSpec import ConfigFileVolumeSourceSpec
from jdcloud_sdk.services.pod.models.VolumeMountSpec import VolumeMountSpec
from jdcloud_sdk.services.pod.models.VolumeSpec import VolumeSpec

SYNC_TIMEOUT = 40  # the nodes' sync interval (10 s) and the log's next line


def describe(pods, env, name):
    return pods.ok(DescribeConfigFileRequest(DescribeConfigFileParameters(env.region, name)))['configFile']


def error_of(pods, request):
    return error_dict(pods.error(request))


def test_config_file_crud_and_errors(pods, env):
    name = env.prefix + '-errors'
    result = pods.ok(CreateConfigFileRequest(CreateConfigFileParameters(
        env.region, name, [ConfigFileData('a.conf', b64('one')), ConfigFileData('b', b64('two'))])))
    with Checks('createConfigFile result') as c:
        c.eq(result, 'name', name)
    with Checks('describeConfigFile right after createConfigFile') as c:
        found = describe(pods, env, name)
        c.eq(found, 'name', name)
        c.eq(found, 'data[0].key', 'a.conf')
        c.eq(found, 'data[0].value', b64('one'))
        c.eq(found, 'data[1].key', 'b')

    pods.ok(UpdateConfigFileRequest(UpdateConfigFileParameters(env.region, name, [ConfigFileData('a.conf', b64('1'))])))
    with Checks('describeConfigFile after updateConfigFile') as c:
        found = describe(pods, env, name)
        c.eq(found, 'data[0].value', b64('1'))
        c.absent(found, 'data[1]')

    duplicate = error_of(pods, CreateConfigFileRequest(CreateConfigFileParameters(
        env.region, name, [ConfigFileData('a', b64('x'))])))
    assert (duplicate['code'], duplicate['status']) == (409, 'ALREADY_EXISTS'), duplicate
    bad_name = error_of(pods, CreateConfigFileRequest(CreateConfigFileParameters(
        env.region, 'Not_A_Name', [ConfigFileData('a', b64('x'))])))
    assert (bad_name['code'], bad_name['status']) == (400, 'INVALID_ARGUMENT') and 'name' in bad_name['message'], bad_name
    for request in (DescribeConfigFileRequest(DescribeConfigFileParameters(env.region, name + '-missing')),
                    UpdateConfigFileRequest(UpdateConfigFileParameters(env.region, name + '-missing',
                                                                       [ConfigFileData('a', b64('x'))])),
                    DeleteConfigFileRequest(DeleteConfigFileParameters(env.region, name + '-missing'))):
        missing = error_of(pods, request)
        assert (missing['code'], missing['status']) == (404, 'NOT_FOUND'), missing

    pods.ok(DeleteConfigFileRequest(DeleteConfigFileParameters(env.region, name)))
    gone = error_of(pods, DescribeConfigFileRequest(DescribeConfigFileParameters(env.region, name)))
    assert gone['code'] == 404, gone


def test_a_pod_prints_its_config_file_and_sees_its_update(pods, env, network, secret, created_pods):
    name = env.prefix + '-app'
    pods.ok(CreateConfigFileRequest(CreateConfigFileParameters(
        env.region, name, [ConfigFileData('app.conf', b64('greeting=one'))])))
    container = container_spec(env, secret, command=['sh', '-c', 'while true; do cat /etc/app/main.conf; echo; '
                                                                 'sleep 1; done'])
    container.volumeMounts = [VolumeMountSpec('cfg', '/etc/app')]
    volume = VolumeSpec('cfg', None, configFile=ConfigFileVolumeSourceSpec(
        name=name, fileToPath=[ConfigFileToPathSpec('app.conf', path='main.conf', mode='0644')]))
    pod_id = create_pod(pods, env, created_pods, pod_spec(env, network, secret, env.prefix + '-configured',
                                                          [container], volumes=[volume]))
    pod = wait_phase(pods, env, pod_id, 'running', RUNNING_TIMEOUT)
    with Checks('describePod of a pod mounting a config file') as c:
        c.eq(pod, 'volumes[0].configFile.name', name)
        c.eq(pod, 'volumes[0].configFile.fileToPath[0].path', 'main.conf')

    def logs_show(text):
        params = GetContainerLogsParameters(env.region, pod_id, 'main')
        params.setTailLines(3)
        content = ((pods.ok(GetContainerLogsRequest(params)) or {}).get('logs') or {}).get('content') or ''
        return text in content
    wait_until(lambda: logs_show('greeting=one'), 30, 'the config file content in the pod\'s output')

    in_use = error_of(pods, DeleteConfigFileRequest(DeleteConfigFileParameters(env.region, name)))
    assert in_use['code'] == 400 and pod_id in in_use['message'], 'deleteConfigFile of a mounted file: %r' % in_use

    pods.ok(UpdateConfigFileRequest(UpdateConfigFileParameters(env.region, name,
                                                               [ConfigFileData('app.conf', b64('greeting=two'))])))
    wait_until(lambda: logs_show('greeting=two'), SYNC_TIMEOUT, 'the updated content in the running pod\'s output')

    delete_pod(pods, env, pod_id)
    pods.ok(DeleteConfigFileRequest(DeleteConfigFileParameters(env.region, name)))
