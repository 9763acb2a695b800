package io.podservice.worker.runtime.docker;

/**
 * An image name split the way the Docker daemon reads it: registry host, repository and tag
 * (or digest). A name without a tag means {@code latest}; pulling without a tag would fetch every tag.
 */
record ImageReference(String registry, String repository, String tag) {

    static final String DOCKER_HUB = "docker.io";

    static ImageReference parse(String image) {
        String rest = image;
        String registry = DOCKER_HUB;
        int slash = image.indexOf('/');
        if (slash > 0) {
            String first = image.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
            }
        }
        int at = rest.indexOf('@');
        if (at > 0) {
            return new ImageReference(registry, rest.substring(0, at), rest.substring(at));
        }
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            return new ImageReference(registry, rest.substring(0, colon), rest.substring(colon + 1));
        }
        return new ImageReference(registry, rest, "latest");
    }

    /** The full name with its tag, as Docker lists it locally. */
    String fullName() {
        return tag.startsWith("@") ? repository + tag : repository + ":" + tag;
    }
}
