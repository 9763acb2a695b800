/**
 * The node's part of image caches: pulling a cache's image when the node is asked, and answering the
 * command side with the outcome.
 */
package io.podservice.worker.cache;
