package io.podservice.query.consistency;

import io.podservice.api.consistency.EventHistory;
import io.podservice.api.consistency.WritePositions;
import io.podservice.api.node.NodeToken;
import io.podservice.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every read of the API ({@code GET /v1/...}, and checkPodName, a question sent as a POST) waits for
 * the caller's own writes first. The write
 * positions come from command-api in the same JVM (the launcher) or over its internal endpoint.
 */
@Configuration(proxyBeanMethods = false)
class ConsistencyConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<ReadYourWrites> readYourWrites;

    ConsistencyConfiguration(ObjectProvider<ReadYourWrites> readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    /** The command side: command-api's beans where it runs in this JVM, else its internal endpoints. */
    @Bean
    CommandSide commandSide(ObjectProvider<WritePositions> positions, ObjectProvider<EventHistory> history,
                            NodeToken token, Environment environment) {
        return new CommandSide(positions, history, () -> new RemoteCommandSide(environment.getProperty(
                "pod.query.command-api-url", "http://127.0.0.1:" + environment.getProperty("local.server.port",
                        environment.getProperty("server.port", "8080"))), token));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if ("GET".equals(request.getMethod()) || request.getRequestURI().endsWith(":checkPodName")) {
                    Caller.of(request).ifPresent(caller -> readYourWrites.getObject().await(caller.accountId()));
                }
                return true;
            }
        }).addPathPatterns("/v1/**");
    }
}
