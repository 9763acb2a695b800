"""A second pod through its whole life with JD Cloud's Python SDK: createPods with container
resources as JD Cloud writes them (strings), stopPod, rebuildPod, resizePod, startPod, deletePod; and a pod
with an emptyDir volume."""
from conftest import (PHASE_TIMEOUT, RUNNING_TIMEOUT, container_spec, create_pod, describe_pod, error_dict, pod_gone,
                      pod_spec, wait_phase)
from expect import INSTANCE_TYPE, Checks, check_pod, wait_until

from jdcloud_sdk.services.pod.apis.DeletePodRequest import DeletePodParameters, DeletePodRequest
from jdcloud_sdk.services.pod.apis.GetContainerLogsRequest import GetContainerLogsParameters, GetContainerLogsRequest
from jdcloud_sdk.services.pod.apis.RebuildPodRequest import RebuildPodParameters, RebuildPodRequest
from jdcloud_sdk.services.pod.apis.ResizePodRequest import ResizePodParameters, ResizePodRequest
from jdcloud_sdk.services.pod.apis.StartPodRequest import StartPodParameters, StartPodRequest
from jdcloud_sdk.services.pod.apis.StopPodRequest import StopPodParameters, StopPodRequest
from jdcloud_sdk.services.pod.models.ContainerResourceSpec import ContainerResourceSpec
from jdcloud_sdk.services.pod.models.EmptyDirVolumeSourceSpec import EmptyDirVolumeSourceSpec
from jdcloud_sdk.services.pod.models.RebuildContainerSpec import RebuildContainerSpec
from jdcloud_sdk.services.pod.models.RequestSpec import RequestSpec
from jdcloud_sdk.services.pod.models.ResourceRequestsSpec import ResourceRequestsSpec
from jdcloud_sdk.services.pod.models.VolumeMountSpec import VolumeMountSpec
from jdcloud_sdk.services.pod.models.VolumeSpec import VolumeSpec

REBUILT = ['sh', '-c', 'echo rebuilt; while true; do echo tock; sleep 1; done']


def test_stop_rebuild_start_delete(pods, env, network, secret, created_pods):
    name = env.prefix + '-life'
    resources = ResourceRequestsSpec(requests=RequestSpec(cpu='250m', memoryMB='128Mi'),
                                     limits=RequestSpec(cpu='500m', memoryMB='256Mi'))
    spec = pod_spec(env, network, secret, name, [container_spec(env, secret, resources=resources)])
    pod_id = create_pod(pods, env, created_pods, spec)
    pod = wait_phase(pods, env, pod_id, 'running', RUNNING_TIMEOUT)
    with Checks('describePod of a pod with resources "250m"/"128Mi" requested, "500m"/"256Mi" limits') as c:
        check_pod(c, pod, pod_id, name, phase='running', subnet=network['subnet_create'],
                  containers={'main': dict(name='main', image=env.image, secret=secret, limits=('500m', '256Mi'),
                                           requests=('250m', '128Mi'), category='local')})

    pods.ok(StopPodRequest(StopPodParameters(env.region, pod_id)))
    pod = wait_phase(pods, env, pod_id, 'stopped', PHASE_TIMEOUT)
    with Checks('describePod of the stopped pod') as c:
        check_pod(c, pod, pod_id, name, phase='stopped')
        state = c.value(pod, 'containers[0].containerStatus.state')
        if isinstance(state, dict) and state.get('running') is not None:
            c.fail('containers[0].containerStatus.state', 'is running in a stopped pod: %r' % state)

    rebuilt = RebuildContainerSpec('main', env.image, command=REBUILT, secret=secret, tty=False)
    pods.ok(RebuildPodRequest(RebuildPodParameters(env.region, pod_id, [rebuilt])))
    pod = wait_until(lambda: (lambda p: p if p['podStatus']['phase'] == 'stopped'
                              and p['containers'][0].get('command') == REBUILT else None)(
        describe_pod(pods, env, pod_id)), PHASE_TIMEOUT, 'the rebuilt pod stopped with the new command')

    # resizePod: refused to the type it has; to g.n2.large with the container's new limits
    same = error_dict(pods.error(ResizePodRequest(ResizePodParameters(env.region, pod_id, INSTANCE_TYPE))))
    assert same['code'] == 400 and 'already' in same['message'], same
    params = ResizePodParameters(env.region, pod_id, 'g.n2.large')
    params.setContainerResources([ContainerResourceSpec('main', ResourceRequestsSpec(
        requests=RequestSpec(cpu='250m', memoryMB='128Mi'), limits=RequestSpec(cpu='1500m', memoryMB='1Gi')))])
    pods.ok(ResizePodRequest(params))
    with Checks('describePod after resizePod to g.n2.large') as c:
        pod = describe_pod(pods, env, pod_id)
        c.eq(pod, 'instanceType', 'g.n2.large')
        c.eq(pod, 'containers[0].resources.limits.cpu', '1500m')
        c.eq(pod, 'containers[0].resources.limits.memoryMB', '1024Mi')

    pods.ok(StartPodRequest(StartPodParameters(env.region, pod_id)))
    wait_phase(pods, env, pod_id, 'running', RUNNING_TIMEOUT)
    running = error_dict(pods.error(ResizePodRequest(ResizePodParameters(env.region, pod_id, INSTANCE_TYPE))))
    assert running['code'] == 400 and 'stopped' in running['message'], running

    def logs():
        params = GetContainerLogsParameters(env.region, pod_id, 'main')
        params.setTailLines(100)
        result = pods.ok(GetContainerLogsRequest(params)) or {}
        content = (result.get('logs') or {}).get('content') or ''
        return content if 'rebuilt' in content and 'tock' in content else None
    wait_until(logs, 30, 'the rebuilt command\'s output in getContainerLogs')

    pods.ok(DeletePodRequest(DeletePodParameters(env.region, pod_id)))
    wait_until(lambda: pod_gone(pods, env, pod_id), 90, 'pod %s gone after deletePod' % pod_id)


def test_an_empty_dir_volume_is_shared_and_shown(pods, env, network, secret, created_pods):
    """An emptyDir volume (JD Cloud's EmptyDirVolumeSourceSpec) mounted by the container: the pod
    runs, its command writes there, and describePod shows the volume with its size."""
    name = env.prefix + '-scratch'
    container = container_spec(env, secret, command=['sh', '-c', 'echo here > /scratch/f; while true; do '
                                                                 'cat /scratch/f; sleep 1; done'])
    container.volumeMounts = [VolumeMountSpec('scratch', '/scratch')]
    spec = pod_spec(env, network, secret, name, [container],
                    volumes=[VolumeSpec('scratch', None, emptyDir=EmptyDirVolumeSourceSpec(sizeMB=10))])
    pod_id = create_pod(pods, env, created_pods, spec)
    pod = wait_phase(pods, env, pod_id, 'running', RUNNING_TIMEOUT)
    with Checks('describePod of a pod with an emptyDir of 10 MB') as c:
        c.eq(pod, 'volumes[0].name', 'scratch')
        c.eq(pod, 'volumes[0].emptyDir.sizeMB', 10)
        c.eq(pod, 'containers[0].volumeMounts[0].mountPath', '/scratch')

    def logs():
        params = GetContainerLogsParameters(env.region, pod_id, 'main')
        params.setTailLines(10)
        content = ((pods.ok(GetContainerLogsRequest(params)) or {}).get('logs') or {}).get('content') or ''
        return 'here' in content
    wait_until(logs, 30, 'the file written into the emptyDir, read back, in getContainerLogs')
    pods.ok(DeletePodRequest(DeletePodParameters(env.region, pod_id)))
    wait_until(lambda: pod_gone(pods, env, pod_id), 90, 'pod %s gone after deletePod' % pod_id)
