package io.podservice.command.pod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.podservice.signer.JdcloudSigner;
import java.nio.charset.StandardCharsets;

/** The fingerprint of a createPods request, recorded with the pods a clientToken made. */
final class ClientTokens {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ClientTokens() {
    }

    /** SHA-256 of the request's podSpec and maxCount, in a canonical JSON form (hex). */
    static String digest(CreatePodsRequest request) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(new Object[] {request.podSpec(), request.count()});
            return JdcloudSigner.hex(JdcloudSigner.sha256(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed request always serializes", e);
        }
    }
}
