package io.podservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Cloud disks on the real node: each a block device of its size (a loop-mounted sparse file), so a
 * container cannot write past it; a disk kept after its pod (autoDelete false) is attached by the
 * next; a snapshot holds a disk's content of its time; the rules of JD Cloud's disk service.
 */
class DisksTest extends ServiceTest {

    private static final String PODS = "/v1/regions/" + REGION + "/pods";
    private static final String DISKS = "/v1/regions/" + REGION + "/disks";
    private static final String SNAPSHOTS = "/v1/regions/" + REGION + "/snapshots";
    private static final Path DISK_FILES = TestRun.DATA_DIR.resolve("worker").resolve("disks");
    /** pod.worker.disk-directories[hdd.std1] (ServiceTest). */
    private static final Path HDD_FILES = TestRun.DATA_DIR.resolve("hdd-disks");

    @Test
    void aContainerCannotWritePastItsDiskAndTheNodeKeepsItsSpace() throws Exception {
        String podId = createPod("""
                {"name": "full-disk", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "volumes": [{"name": "data", "jdcloudDisk": {"sizeGB": 1, "fsType": "ext4"}}],
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"],
                   "volumeMounts": [{"name": "data", "mountPath": "/data"}]}]}""".formatted(IMAGE));
        awaitPhase(podId, "running");
        String diskId = diskOf(podId);
        JsonNode disk = ok(api().get(DISKS + "/" + diskId)).path("disk");
        assertThat(disk.path("diskSizeGB").asInt()).isEqualTo(1);
        assertThat(disk.path("attachments").get(0).path("instanceId").asText()).isEqualTo(podId);

        // 1,200 MB into 1 GB: the disk's file system refuses past its size
        String full = run(podId + "-app", "sh", "-c", "dd if=/dev/zero of=/data/big bs=1M count=1200 2>&1; "
                + "echo size=$(wc -c < /data/big)");
        assertThat(full).contains("No space left on device");
        long written = Long.parseLong(full.substring(full.indexOf("size=") + 5).trim());
        assertThat(written).isLessThan(1024L * 1024 * 1024);
        // and the node gave no more than the disk's size to it
        assertThat(Files.size(DISK_FILES.resolve(diskId + ".img"))).isEqualTo(1024L * 1024 * 1024);

        assertThat(api().delete(PODS + "/" + podId).status()).isEqualTo(200);
        // autoDelete by default: the disk goes with its pod, and its file with it
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get(DISKS + "/" + diskId).status() == 404);
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(DISK_FILES.resolve(diskId + ".img")));
    }

    @Test
    void aDiskKeptAfterItsPodIsAttachedByTheNextAndDeletedOnlyWhenAvailable() throws Exception {
        String first = createPod("""
                {"name": "keeps-disk", "instanceType": "g.n2.medium", "terminationGracePeriodSeconds": 1,
                 "volumes": [{"name": "data", "jdcloudDisk": {"sizeGB": 1, "autoDelete": false, "diskType": "hdd.std1"}}],
                 "containers": [{"name": "app", "image": "%s", "command": ["sh", "-c", "echo kept > /data/file; exec sleep 3600"],
                   "volumeMounts": [{"name": "data", "mountPath": "/data"}]}]}""".formatted(IMAGE));
        awaitPhase(first, "running");
        String diskId = diskOf(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> run(first + "-app", "cat", "/data/file").contains("kept"));
        assertThat(HDD_FILES.resolve(diskId + ".img")).as("an hdd.std1 disk in its storage class's directory").exists();

        ApiClient.Response inUse = api().delete(DISKS + "/" + diskId);
        assertThat(inUse.status()).as(inUse.raw()).isEqualTo(400);
        assertThat(inUse.errorStatus()).isEqualTo("FAILED_PRECONDITION");
        assertThat(inUse.body().path("error").path("message").asText()).contains("in use by pod '" + first + "'");
        assertThat(ok(api().get(DISKS + "/" + diskId)).path("disk").path("status").asText()).isEqualTo("in-use");

        assertThat(api().delete(PODS + "/" + first).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "available".equals(
                ok(api().get(DISKS + "/" + diskId)).path("disk").path("status").asText()));
        assertThat(ok(api().get(DISKS + "/" + diskId)).path("disk").path("attachments")).isEmpty();
        assertThat(otherApi().get(DISKS + "/" + diskId).status()).as("another account's disk is not found").isEqualTo(404);

        String second = createPod(attaching("reads-disk", diskId));
        awaitPhase(second, "running");
        assertThat(run(second + "-app", "cat", "/data/file")).contains("kept");
        ApiClient.Response taken = api().post(PODS, "{\"podSpec\":" + attaching("takes-disk", diskId) + "}");
        assertThat(taken.status()).as(taken.raw()).isEqualTo(400);
        assertThat(taken.body().path("error").path("message").asText())
                .contains("podSpec.volumes[0].jdcloudDisk.volumeId").contains("in-use");

        // an existing disk is kept when its pod goes (unless the volume says autoDelete true), then deleted
        assertThat(api().delete(PODS + "/" + second).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "available".equals(
                ok(api().get(DISKS + "/" + diskId)).path("disk").path("status").asText()));
        assertThat(api().delete(DISKS + "/" + diskId).status()).isEqualTo(200);
        assertThat(api().get(DISKS + "/" + diskId).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(HDD_FILES.resolve(diskId + ".img")));
    }

    @Test
    void aDiskMadeFromASnapshotHoldsTheDataOfTheSnapshotsTimeAndNotLaterWrites() throws Exception {
        String source = createDisk("{\"az\": \"cn-north-1a\", \"name\": \"source\", \"diskType\": \"ssd.gp1\", "
                + "\"diskSizeGB\": 1}");
        String writer = createPod(attaching("snap-writer", source));
        awaitPhase(writer, "running");
        run(writer + "-app", "sh", "-c", "echo before > /data/before");

        String snapshotId = ok(api().post(SNAPSHOTS, """
                {"snapshotSpec": {"name": "at-before", "diskId": "%s"}, "clientToken": "t1"}""".formatted(source)))
                .path("snapshotId").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> "available".equals(
                ok(api().get(SNAPSHOTS + "/" + snapshotId)).path("snapshot").path("status").asText()));
        JsonNode snapshot = ok(api().get(SNAPSHOTS + "/" + snapshotId)).path("snapshot");
        assertThat(snapshot.path("diskId").asText()).isEqualTo(source);
        assertThat(snapshot.path("snapshotSizeGB").asInt()).isEqualTo(1);
        run(writer + "-app", "sh", "-c", "echo after > /data/after");

        String copy = createDisk("{\"az\": \"cn-north-1a\", \"name\": \"copy\", \"diskType\": \"ssd.gp1\", "
                + "\"snapshotId\": \"" + snapshotId + "\"}");
        assertThat(ok(api().get(DISKS + "/" + copy)).path("disk").path("snapshotId").asText()).isEqualTo(snapshotId);
        String reader = createPod(attaching("snap-reader", copy));
        awaitPhase(reader, "running");
        assertThat(run(reader + "-app", "ls", "/data")).contains("before").doesNotContain("after");
        assertThat(run(reader + "-app", "cat", "/data/before")).contains("before");
        assertThat(ok(api().get(SNAPSHOTS + "?filters.1.name=diskId&filters.1.values.1=" + source))
                .path("totalCount").asInt()).isEqualTo(1);

        for (String pod : new String[] {writer, reader}) {
            assertThat(api().delete(PODS + "/" + pod).status()).isEqualTo(200);
        }
        for (String disk : new String[] {source, copy}) {
            await().atMost(Duration.ofSeconds(60)).until(() -> api().delete(DISKS + "/" + disk).status() == 200);
        }
        assertThat(api().delete(SNAPSHOTS + "/" + snapshotId).status()).isEqualTo(200);
        assertThat(api().get(SNAPSHOTS + "/" + snapshotId).status()).isEqualTo(404);
    }

    @Test
    void disksAndSnapshotsBreakingJdCloudsRulesAreRefusedNamingTheField() {
        for (String[] bad : new String[][] {
                {"{\"az\": \"cn-north-1a\", \"name\": \"d\", \"diskType\": \"ssd.gp1\", \"diskSizeGB\": 0}", "diskSpec.diskSizeGB"},
                {"{\"az\": \"cn-north-1a\", \"name\": \"d\", \"diskType\": \"nvme\", \"diskSizeGB\": 20}", "diskSpec.diskType"},
                {"{\"az\": \"cn-north-9z\", \"name\": \"d\", \"diskType\": \"ssd.gp1\", \"diskSizeGB\": 20}", "diskSpec.az"},
                {"{\"az\": \"cn-north-1a\", \"name\": \"d d\", \"diskType\": \"ssd.gp1\", \"diskSizeGB\": 20}", "diskSpec.name"},
                {"{\"az\": \"cn-north-1a\", \"name\": \"d\", \"diskType\": \"ssd.gp1\", \"diskSizeGB\": 20, "
                        + "\"multiAttachable\": true}", "diskSpec.multiAttachable"},
                {"{\"az\": \"cn-north-1a\", \"name\": \"d\", \"diskType\": \"ssd.gp1\", \"diskSizeGB\": 20, "
                        + "\"iops\": 100}", "diskSpec.iops"}}) {
            ApiClient.Response refused = api().post(DISKS, "{\"diskSpec\": " + bad[0] + ", \"maxCount\": 1}");
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.body().path("error").path("message").asText()).contains("Invalid " + bad[1]);
        }
        assertThat(api().delete(DISKS + "/vol-missing00").status()).isEqualTo(404);
        ApiClient.Response noDisk = api().post(SNAPSHOTS, "{\"snapshotSpec\": {\"name\": \"s\", \"diskId\": \"vol-missing00\"}}");
        assertThat(noDisk.status()).as(noDisk.raw()).isEqualTo(404);
        assertThat(noDisk.body().path("error").path("message").asText()).contains("snapshotSpec.diskId");
        ApiClient.Response noVolume = api().post(PODS, "{\"podSpec\":" + attaching("no-disk", "vol-missing00") + "}");
        assertThat(noVolume.status()).as(noVolume.raw()).isEqualTo(404);
        assertThat(noVolume.body().path("error").path("message").asText()).contains("podSpec.volumes[0].jdcloudDisk.volumeId");
        ApiClient.Response tooBig = api().post(PODS, """
                {"podSpec": {"name": "big", "instanceType": "g.n2.medium", "volumes": [{"name": "data",
                 "jdcloudDisk": {"sizeGB": 4001}}], "containers": [{"name": "app", "image": "%s"}]}}""".formatted(IMAGE));
        assertThat(tooBig.status()).as(tooBig.raw()).isEqualTo(400);
        assertThat(tooBig.body().path("error").path("message").asText()).contains("podSpec.volumes[0].jdcloudDisk.sizeGB");
    }

    private static String attaching(String name, String diskId) {
        return """
                {"name": "%s", "instanceType": "g.n2.medium", "az": "cn-north-1a", "terminationGracePeriodSeconds": 1,
                 "volumes": [{"name": "data", "jdcloudDisk": {"volumeId": "%s"}}],
                 "containers": [{"name": "app", "image": "%s", "command": ["sleep", "3600"],
                   "volumeMounts": [{"name": "data", "mountPath": "/data"}]}]}""".formatted(name, diskId, IMAGE);
    }

    /** Makes one disk and waits for its node to make it. */
    private String createDisk(String diskSpec) {
        String diskId = ok(api().post(DISKS, "{\"diskSpec\": " + diskSpec + ", \"maxCount\": 1, \"clientToken\": \""
                + java.util.UUID.randomUUID() + "\"}")).path("diskIds").get(0).asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> "available".equals(
                ok(api().get(DISKS + "/" + diskId)).path("disk").path("status").asText()));
        return diskId;
    }

    /** The disk createPods made for the pod's volume, as describeDisks finds it by the pod. */
    private String diskOf(String podId) {
        JsonNode disks = ok(api().get(DISKS + "?filters.1.name=instanceId&filters.1.values.1=" + podId)).path("disks");
        assertThat(disks).hasSize(1);
        return disks.get(0).path("diskId").asText();
    }
}
