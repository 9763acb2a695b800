package io.podservice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The API's extensions served by the event subscribers: the audit trail and metered usage. */
final class SubscriberCommands {

    private SubscriberCommands() {
    }

    @Command(name = "audit-events", description = "describeAuditEvents: GET /auditEvents, who did what and when")
    static final class AuditEvents extends PodCli.Operation {
        @Option(names = "--resource-id", description = "a pod, secret, VPC, subnet, security group or elastic IP id")
        String resourceId;
        @Option(names = "--operation", description = "an API operation, e.g. createPods")
        String operation;
        @Option(names = "--start-time", description = "ISO-8601 UTC, inclusive")
        String startTime;
        @Option(names = "--end-time", description = "ISO-8601 UTC, exclusive")
        String endTime;
        @Option(names = "--page-number")
        Integer pageNumber;
        @Option(names = "--page-size", description = "10-100")
        Integer pageSize;

        @Override
        ApiCall request() {
            return new ApiCall("GET", "/auditEvents").param("resourceId", resourceId).param("operation", operation)
                    .param("startTime", startTime).param("endTime", endTime).param("pageNumber", pageNumber)
                    .param("pageSize", pageSize);
        }
    }

    @Command(name = "usage", description = "describeUsage: GET /usage, running and elastic IP time, priced")
    static final class Usage extends PodCli.Operation {
        @Option(names = "--pod-id", description = "one pod; all the account's pods without it")
        String podId;
        @Option(names = "--start-time", description = "ISO-8601 UTC (rounded down to the hour)")
        String startTime;
        @Option(names = "--end-time", description = "ISO-8601 UTC, exclusive")
        String endTime;

        @Override
        ApiCall request() {
            return new ApiCall("GET", "/usage").param("podId", podId).param("startTime", startTime)
                    .param("endTime", endTime);
        }
    }
}
