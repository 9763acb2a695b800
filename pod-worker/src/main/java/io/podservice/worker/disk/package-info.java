/**
 * The node's cloud disks: each a sparse file of the disk's size, formatted as xfs or ext4 and
 * loop-mounted while a pod of this node has it, so writes past the size fail with "No space left on
 * device" inside the disk and never fill the node ({@link io.podservice.worker.disk.NodeDisks}); and
 * the disk and snapshot events addressed to this node, answered on the command side's node-only
 * endpoint ({@link io.podservice.worker.disk.DiskJobs}).
 */
package io.podservice.worker.disk;
