package io.podservice.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * For curl users: prints a ready-to-run curl command for one signed request. A signature is good
 * for one request (its nonce) within five minutes.
 */
@Command(name = "sign", description = "Print a signed curl command for one request (for curl users)")
final class SignCommand implements Callable<Integer> {

    @ParentCommand
    PodCli cli;

    @Option(names = "--method", defaultValue = "GET")
    String method;

    @Option(names = "--path", required = true, description = "Path under /v1/regions/{region}, e.g. /pods/pod-abc:stopPod")
    String path;

    @Option(names = "--query", description = "name=value, repeatable (decoded values)")
    java.util.List<String> query = new java.util.ArrayList<>();

    @Option(names = "--body", description = "JSON body, or @file")
    String body;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ApiCall call = new ApiCall(method.toUpperCase(java.util.Locale.ROOT), path);
        for (String pair : query) {
            int eq = pair.indexOf('=');
            call.param(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        if (body != null) {
            call.body(PodCli.jsonArgument(body, "--body"));
        }
        ApiCall.Prepared prepared = call.prepare(cli.profile());
        StringBuilder curl = new StringBuilder("curl -s -X ").append(prepared.method());
        prepared.headers().forEach((name, value) -> curl.append(" \\\n  -H '").append(name).append(": ").append(value).append('\''));
        if (prepared.body().length > 0) {
            curl.append(" \\\n  --data-binary '").append(new String(prepared.body(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("'", "'\\''")).append('\'');
        }
        curl.append(" \\\n  '").append(prepared.uri()).append('\'');
        spec.commandLine().getOut().println(curl);
        return 0;
    }
}
