"""Cloud disks and snapshots with JD Cloud's Python SDK, disk module (DiskClient, unchanged):
createDisks (replayed with its clientToken), describeDisk until available, describeDisks with
filters, the disk quota, a pod attaching a disk by volumeId (the disk in-use, deleteDisk refused),
createSnapshot, describeSnapshot(s), a disk made from the snapshot holding the data written before
it, deleteSnapshot, deleteDisk, and their errors."""
import uuid

import pytest
from conftest import RUNNING_TIMEOUT, Api, RecordingLogger, _config, container_spec, create_pod, delete_pod, pod_spec, \
    wait_phase
from expect import AZ, Checks, check_error, wait_until

from jdcloud_sdk.core.credential import Credential
from jdcloud_sdk.services.common.models.Filter import Filter
from jdcloud_sdk.services.disk.apis.CreateDisksRequest import CreateDisksParameters, CreateDisksRequest
from jdcloud_sdk.services.disk.apis.CreateSnapshotRequest import CreateSnapshotParameters, CreateSnapshotRequest
from jdcloud_sdk.services.disk.apis.DeleteDiskRequest import DeleteDiskParameters, DeleteDiskRequest
from jdcloud_sdk.services.disk.apis.DeleteSnapshotRequest import DeleteSnapshotParameters, DeleteSnapshotRequest
from jdcloud_sdk.services.disk.apis.DescribeDiskRequest import DescribeDiskParameters, DescribeDiskRequest
from jdcloud_sdk.services.disk.apis.DescribeDisksRequest import DescribeDisksParameters, DescribeDisksRequest
from jdcloud_sdk.services.disk.apis.DescribeQuotaRequest import DescribeQuotaParameters, DescribeQuotaRequest
from jdcloud_sdk.services.disk.apis.DescribeSnapshotRequest import DescribeSnapshotParameters, DescribeSnapshotRequest
from jdcloud_sdk.services.disk.apis.DescribeSnapshotsRequest import (DescribeSnapshotsParameters,
                                                                      DescribeSnapshotsRequest)
from jdcloud_sdk.services.disk.client.DiskClient import DiskClient
from jdcloud_sdk.services.disk.models.DiskSpec import DiskSpec
from jdcloud_sdk.services.disk.models.SnapshotSpec import SnapshotSpec
from jdcloud_sdk.services.pod.apis.GetContainerLogsRequest import GetContainerLogsParameters, GetContainerLogsRequest
from jdcloud_sdk.services.pod.models.JDCloudVolumeSourceSpec import JDCloudVolumeSourceSpec
from jdcloud_sdk.services.pod.models.VolumeMountSpec import VolumeMountSpec
from jdcloud_sdk.services.pod.models.VolumeSpec import VolumeSpec

SETTLE_TIMEOUT = 60  # a node making a disk or copying one


@pytest.fixture(scope='module')
def disks(env):
    logger = RecordingLogger()
    return Api(DiskClient(Credential(env.access_key, env.secret_key), _config(env), logger), logger)


def describe(disks, env, disk_id):
    return disks.ok(DescribeDiskRequest(DescribeDiskParameters(env.region, disk_id)))['disk']


def wait_status(disks, env, disk_id, status):
    return wait_until(lambda: (lambda d: d if d['status'] == status else None)(describe(disks, env, disk_id)),
                      SETTLE_TIMEOUT, 'disk %s %s' % (disk_id, status))


def used(disks, env, kind):
    return disks.ok(DescribeQuotaRequest(DescribeQuotaParameters(env.region, kind)))['quota']['used']


def create_disks(disks, env, spec, count, token):
    return disks.ok(CreateDisksRequest(CreateDisksParameters(env.region, spec, count, token)))['diskIds']


def attaching_pod(pods, env, network, secret, created_pods, name, disk_id, script):
    container = container_spec(env, secret, command=['sh', '-c', script])
    container.volumeMounts = [VolumeMountSpec('data', '/data')]
    volume = VolumeSpec('data', JDCloudVolumeSourceSpec('ext4', volumeId=disk_id))
    pod_id = create_pod(pods, env, created_pods, pod_spec(env, network, secret, name, [container], volumes=[volume]))
    return pod_id


def test_disks_snapshots_and_a_pod_on_an_existing_disk(disks, pods, env, network, secret, created_pods):
    disks_before, snapshots_before = used(disks, env, 'disk'), used(disks, env, 'snapshot')
    token = str(uuid.uuid4())
    spec = DiskSpec(AZ, env.prefix + '-disk', 'ssd.gp1', 20, description='conformance')
    ids = create_disks(disks, env, spec, 2, token)
    assert isinstance(ids, list) and len(ids) == 2 and all(i.startswith('vol-') for i in ids), ids
    assert create_disks(disks, env, spec, 2, token) == ids, 'createDisks replayed with its clientToken'
    assert used(disks, env, 'disk') == disks_before + 2
    with Checks('describeDisk once its node made it') as c:
        disk = wait_status(disks, env, ids[0], 'available')
        c.eq(disk, 'diskId', ids[0])
        c.eq(disk, 'az', AZ)
        c.eq(disk, 'name', env.prefix + '-disk-1')
        c.eq(disk, 'description', 'conformance')
        c.eq(disk, 'diskType', 'ssd.gp1')
        c.eq(disk, 'diskSizeGB', 20)
        c.eq(disk, 'multiAttachable', False)
        c.listing(disk, 'attachments')
        c.date(disk, 'createTime')
    wait_status(disks, env, ids[1], 'available')
    with Checks('describeDisks filtered by diskId and status') as c:
        params = DescribeDisksParameters(env.region)
        params.setFilters([Filter('diskId', ids), Filter('status', ['available'])])
        listed = disks.ok(DescribeDisksRequest(params))
        c.eq(listed, 'totalCount', 2)

    pod_id = attaching_pod(pods, env, network, secret, created_pods, env.prefix + '-disk-writer', ids[0],
                           'echo before > /data/before; while true; do sleep 1; done')
    wait_phase(pods, env, pod_id, 'running', RUNNING_TIMEOUT)
    with Checks('the disk a pod has') as c:
        disk = wait_status(disks, env, ids[0], 'in-use')
        c.eq(disk, 'attachments[0].instanceId', pod_id)
        c.eq(disk, 'attachments[0].status', 'attached')
        in_use = disks.error(DeleteDiskRequest(DeleteDiskParameters(env.region, ids[0])))
        check_error(c, vars(in_use), 400, 'FAILED_PRECONDITION', pod_id)

    snapshot_id = disks.ok(CreateSnapshotRequest(CreateSnapshotParameters(
        env.region, SnapshotSpec(env.prefix + '-snap', ids[0], description='before'), str(uuid.uuid4()))))['snapshotId']
    assert used(disks, env, 'snapshot') == snapshots_before + 1
    with Checks('describeSnapshot once its node copied the disk') as c:
        snapshot = wait_until(lambda: (lambda s: s if s['status'] != 'creating' else None)(disks.ok(
            DescribeSnapshotRequest(DescribeSnapshotParameters(env.region, snapshot_id)))['snapshot']),
            SETTLE_TIMEOUT, 'snapshot %s settled' % snapshot_id)
        c.eq(snapshot, 'snapshotId', snapshot_id)
        c.eq(snapshot, 'status', 'available')
        c.eq(snapshot, 'diskId', ids[0])
        c.eq(snapshot, 'snapshotSizeGB', 20)
        c.eq(snapshot, 'name', env.prefix + '-snap')
        c.eq(snapshot, 'snapshotSource', 'self')
        c.date(snapshot, 'createTime')
    with Checks('describeSnapshots filtered by diskId') as c:
        params = DescribeSnapshotsParameters(env.region)
        params.setFilters([Filter('diskId', [ids[0]])])
        listed = disks.ok(DescribeSnapshotsRequest(params))
        c.eq(listed, 'totalCount', 1)
        c.eq(listed, 'snapshots[0].snapshotId', snapshot_id)

    copy = create_disks(disks, env, DiskSpec(AZ, env.prefix + '-copy', 'ssd.gp1', 20, snapshotId=snapshot_id), 1,
                        str(uuid.uuid4()))[0]
    with Checks('a disk made from the snapshot') as c:
        c.eq(wait_status(disks, env, copy, 'available'), 'snapshotId', snapshot_id)
    delete_pod(pods, env, pod_id)
    reader = attaching_pod(pods, env, network, secret, created_pods, env.prefix + '-disk-reader', copy,
                           'while true; do cat /data/before; sleep 1; done')
    wait_phase(pods, env, reader, 'running', RUNNING_TIMEOUT)

    def listing():
        params = GetContainerLogsParameters(env.region, reader, 'main')
        params.setTailLines(1)
        return ((pods.ok(GetContainerLogsRequest(params)) or {}).get('logs') or {}).get('content') or ''
    wait_until(lambda: 'before' in listing(), 30, 'the snapshot\'s file on the disk made from it')
    delete_pod(pods, env, reader)

    disks.ok(DeleteSnapshotRequest(DeleteSnapshotParameters(env.region, snapshot_id)))
    with Checks('deleted snapshot') as c:
        check_error(c, vars(disks.error(DescribeSnapshotRequest(DescribeSnapshotParameters(env.region, snapshot_id)))),
                    404, 'NOT_FOUND', snapshot_id)
    for disk_id in ids + [copy]:
        wait_status(disks, env, disk_id, 'available')
        disks.ok(DeleteDiskRequest(DeleteDiskParameters(env.region, disk_id)))
    with Checks('deleted disks') as c:
        check_error(c, vars(disks.error(DescribeDiskRequest(DescribeDiskParameters(env.region, ids[0])))),
                    404, 'NOT_FOUND', ids[0])
    assert used(disks, env, 'disk') == disks_before
    assert used(disks, env, 'snapshot') == snapshots_before


def test_disk_errors_name_the_field(disks, env):
    with Checks('createDisks breaking JD Cloud\'s rules') as c:
        error = disks.error(CreateDisksRequest(CreateDisksParameters(
            env.region, DiskSpec(AZ, env.prefix + '-bad', 'ssd.gp1', 25), 1, str(uuid.uuid4()))))
        check_error(c, vars(error), 400, 'INVALID_ARGUMENT', 'diskSpec.diskSizeGB')
        error = disks.error(CreateDisksRequest(CreateDisksParameters(
            env.region, DiskSpec(AZ, env.prefix + '-bad', 'premium-hdd', 20), 1, str(uuid.uuid4()))))
        check_error(c, vars(error), 400, 'INVALID_ARGUMENT', 'diskSpec.diskType')
    with Checks('missing disks and snapshots') as c:
        check_error(c, vars(disks.error(DeleteDiskRequest(DeleteDiskParameters(env.region, 'vol-doesnotexist')))),
                    404, 'NOT_FOUND', 'vol-doesnotexist')
        check_error(c, vars(disks.error(CreateSnapshotRequest(CreateSnapshotParameters(
            env.region, SnapshotSpec('s', 'vol-doesnotexist'), str(uuid.uuid4()))))), 404, 'NOT_FOUND',
            'snapshotSpec.diskId')
        check_error(c, vars(disks.error(DescribeQuotaRequest(DescribeQuotaParameters(env.region, 'snapshot_policy')))),
                    400, 'INVALID_ARGUMENT', 'type')
