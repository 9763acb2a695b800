package io.podservice.command.network;

/** The rule of a network resource's name, as JD Cloud's VPC API has it. */
final class NetworkNames {

    /** Chinese characters (the CJK Unified Ideographs block, as JD Cloud's console allows), letters, digits, - and _. */
    static final String PATTERN = "^[\\u4e00-\\u9fa5A-Za-z0-9_-]{1,32}$";
    static final String RULE = "must be 1 to 32 characters: Chinese characters, letters, digits, '_' or '-'";
    static final String REGION = "/v1/regions/{regionId}";

    private NetworkNames() {
    }
}
