package io.podservice.command.infrastructure;

import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * The metadata every command carries and every event it causes inherits (Axon correlation data):
 * the request id, and the account and access key that signed the request. The audit trail reads them.
 */
public final class CommandMetadata {

    public static final String REQUEST_ID = "requestId";
    public static final String ACCOUNT_ID = "accountId";
    public static final String ACCESS_KEY_ID = "accessKeyId";
    /** The API operation (createPods, stopPod, ...) of the request. */
    public static final String OPERATION = "operation";

    private CommandMetadata() {
    }

    public static Map<String, String> of(String requestId, String accountId, String accessKeyId, String operation) {
        Map<String, String> metadata = new java.util.HashMap<>();
        metadata.put(REQUEST_ID, requestId);
        metadata.put(ACCOUNT_ID, accountId);
        metadata.put(ACCESS_KEY_ID, accessKeyId);
        if (operation != null) {
            metadata.put(OPERATION, operation);
        }
        return metadata;
    }

    public static String operation(MetaData metaData) {
        return text(metaData, OPERATION);
    }

    public static String requestId(MetaData metaData) {
        return text(metaData, REQUEST_ID);
    }

    public static String accountId(MetaData metaData) {
        return text(metaData, ACCOUNT_ID);
    }

    public static String accessKeyId(MetaData metaData) {
        return text(metaData, ACCESS_KEY_ID);
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
