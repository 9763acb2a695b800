package conformance

// Cloud disks and snapshots through JD Cloud's Go SDK, disk module (DiskClient, unchanged):
// createDisks, describeDisk until available, describeDisks by diskId, the disk quota,
// createSnapshot, describeSnapshot until available, describeSnapshots by diskId, a disk made from
// the snapshot, deleteSnapshot, deleteDisk, and a missing disk's 404.

import (
	"fmt"
	"testing"
	"time"

	"github.com/jdcloud-api/jdcloud-sdk-go/core"
	common "github.com/jdcloud-api/jdcloud-sdk-go/services/common/models"
	diskapis "github.com/jdcloud-api/jdcloud-sdk-go/services/disk/apis"
	diskclient "github.com/jdcloud-api/jdcloud-sdk-go/services/disk/client"
	diskmodels "github.com/jdcloud-api/jdcloud-sdk-go/services/disk/models"
)

const settleTimeout = 60 * time.Second

func diskClient(t *testing.T) *diskclient.DiskClient {
	disks := diskclient.NewDiskClient(core.NewCredentials(run.accessKey, run.secretKey))
	disks.SetConfig(config())
	disks.SetLogger(testLogger{t})
	return disks
}

func describeDisk(t *testing.T, disks *diskclient.DiskClient, id string) diskmodels.Disk {
	t.Helper()
	resp, err := disks.DescribeDisk(diskapis.NewDescribeDiskRequest(run.region, id))
	ok(t, "describeDisk", resp, err)
	return resp.Result.Disk
}

func diskQuota(t *testing.T, disks *diskclient.DiskClient, kind string) int {
	t.Helper()
	resp, err := disks.DescribeQuota(diskapis.NewDescribeQuotaRequest(run.region, kind))
	ok(t, "describeQuota "+kind, resp, err)
	return resp.Result.Quota.Used
}

func createDisk(t *testing.T, disks *diskclient.DiskClient, spec *diskmodels.DiskSpec) string {
	t.Helper()
	created, err := disks.CreateDisks(diskapis.NewCreateDisksRequest(run.region, spec, 1,
		fmt.Sprintf("%s-%d", run.prefix, time.Now().UnixNano())))
	ok(t, "createDisks", created, err)
	if len(created.Result.DiskIds) != 1 {
		t.Fatalf("createDisks diskIds = %v, want one", created.Result.DiskIds)
	}
	id := created.Result.DiskIds[0]
	waitUntil(t, "disk "+id+" available", settleTimeout, func() bool {
		return describeDisk(t, disks, id).Status == "available"
	})
	return id
}

func (f *fixture) disks(t *testing.T) {
	disks := diskClient(t)
	before := diskQuota(t, disks, "disk")
	id := createDisk(t, disks, &diskmodels.DiskSpec{Az: "cn-north-1a", Name: run.prefix + "-disk", DiskType: "hdd.std1",
		DiskSizeGB: 30, Description: ptr("go")})
	disk := describeDisk(t, disks, id)
	eq(t, "diskType", disk.DiskType, "hdd.std1")
	eq(t, "diskSizeGB", disk.DiskSizeGB, 30)
	eq(t, "name", disk.Name, run.prefix+"-disk")
	eq(t, "attachments", len(disk.Attachments), 0)
	date(t, "createTime", disk.CreateTime)
	eq(t, "disk quota used", diskQuota(t, disks, "disk"), before+1)

	list := diskapis.NewDescribeDisksRequest(run.region)
	list.SetFilters([]common.Filter{{Name: "diskId", Values: []string{id}}})
	listed, err := disks.DescribeDisks(list)
	ok(t, "describeDisks", listed, err)
	if listed.Result.TotalCount != 1 || len(listed.Result.Disks) != 1 || listed.Result.Disks[0].DiskId != id {
		t.Errorf("describeDisks by diskId = %+v, want the one disk", listed.Result)
	}

	snap, err := disks.CreateSnapshot(diskapis.NewCreateSnapshotRequest(run.region,
		&diskmodels.SnapshotSpec{Name: run.prefix + "-snap", DiskId: id}, run.prefix+"-snap"))
	ok(t, "createSnapshot", snap, err)
	snapshotID := snap.Result.SnapshotId
	describeSnapshot := func() diskmodels.Snapshot {
		resp, err := disks.DescribeSnapshot(diskapis.NewDescribeSnapshotRequest(run.region, snapshotID))
		ok(t, "describeSnapshot", resp, err)
		return resp.Result.Snapshot
	}
	waitUntil(t, "snapshot "+snapshotID+" available", settleTimeout, func() bool {
		return describeSnapshot().Status == "available"
	})
	eq(t, "snapshot diskId", describeSnapshot().DiskId, id)
	eq(t, "snapshotSizeGB", describeSnapshot().SnapshotSizeGB, 30)
	snapshots := diskapis.NewDescribeSnapshotsRequest(run.region)
	snapshots.SetFilters([]common.Filter{{Name: "diskId", Values: []string{id}}})
	found, err := disks.DescribeSnapshots(snapshots)
	ok(t, "describeSnapshots", found, err)
	if found.Result.TotalCount != 1 || len(found.Result.Snapshots) != 1 || found.Result.Snapshots[0].SnapshotId != snapshotID {
		t.Errorf("describeSnapshots by diskId = %+v, want the one snapshot", found.Result)
	}

	copied := createDisk(t, disks, &diskmodels.DiskSpec{Az: "cn-north-1a", Name: run.prefix + "-copy",
		DiskType: "hdd.std1", DiskSizeGB: 40, SnapshotId: ptr(snapshotID)})
	eq(t, "the copy's snapshotId", describeDisk(t, disks, copied).SnapshotId, snapshotID)
	eq(t, "the copy's size", describeDisk(t, disks, copied).DiskSizeGB, 40)

	deletedSnap, err := disks.DeleteSnapshot(diskapis.NewDeleteSnapshotRequest(run.region, snapshotID))
	ok(t, "deleteSnapshot", deletedSnap, err)
	for _, d := range []string{id, copied} {
		deleted, err := disks.DeleteDisk(diskapis.NewDeleteDiskRequest(run.region, d))
		ok(t, "deleteDisk", deleted, err)
	}
	gone, err := disks.DescribeDisk(diskapis.NewDescribeDiskRequest(run.region, id))
	expectError(t, "describeDisk after deleteDisk", failed(t, "describeDisk after deleteDisk", gone, err), 404,
		"NOT_FOUND", id)
	eq(t, "disk quota used after the deletes", diskQuota(t, disks, "disk"), before)
}
