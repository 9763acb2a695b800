package io.podservice.api.node;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * HTTP between the service's own parts (internal endpoints, outside /v1): the node token on every
 * request, a short connect timeout (a part that is down is known at once) and the read timeout the
 * caller's requests need.
 */
public final class InternalHttp {

    private InternalHttp() {
    }

    /** A client for the internal endpoints under {@code baseUrl} ({@code null}: each request names its full URL). */
    public static RestClient client(String baseUrl, NodeToken token, Duration readTimeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(readTimeout);
        RestClient.Builder builder = RestClient.builder().requestFactory(requests).defaultHeader(NodeToken.HEADER, token.value());
        return (baseUrl == null ? builder : builder.baseUrl(baseUrl)).build();
    }
}
