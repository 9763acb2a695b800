/**
 * Cloud disks and their snapshots (JD Cloud's disk service: createDisks, describeDisk(s) on the query
 * side, deleteDisk, createSnapshot, deleteSnapshot): the Disk and Snapshot aggregates; the index the
 * rules read ({@link io.podservice.command.disk.DiskIndex}); the services with JD Cloud's rules; the
 * disks of createPods ({@link io.podservice.command.disk.PodDisks}); the release of a deleted pod's
 * disks ({@link io.podservice.command.disk.DiskLifecycle}); and the node-only endpoint each disk's
 * node answers on once it has made the disk or the snapshot.
 */
package io.podservice.command.disk;
