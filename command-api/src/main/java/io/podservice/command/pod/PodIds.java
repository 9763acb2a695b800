package io.podservice.command.pod;

import io.podservice.command.domain.ResourceIds;

/** Pod ids in JD Cloud's shape: {@code pod-} and ten lowercase letters or digits. */
public final class PodIds {

    private PodIds() {
    }

    /** The id of the {@code index}-th pod of a createPods call with a client token (the same on a replay). */
    public static String forClientToken(String accountId, String clientToken, int index) {
        return ResourceIds.forClientToken("pod", accountId, clientToken, index);
    }

    public static String next() {
        return ResourceIds.next("pod");
    }
}
