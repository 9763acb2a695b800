/**
 * Image caches (JD Cloud's createImageCache(s), updateImageCache, deleteImageCache): the ImageCache
 * aggregate, which records each node's answer; the index createPods reads a container's cache from;
 * the service with JD Cloud's rules; and the node-only endpoint the nodes answer on.
 */
package io.podservice.command.imagecache;
