/**
 * Quotas enforced at command time: {@link io.podservice.command.quota.QuotaLedger} keeps usage in
 * step with the event store, {@link io.podservice.command.quota.Quotas} decides under a row lock
 * how many pods of a createPods fit, so concurrent requests can never exceed a limit.
 */
package io.podservice.command.quota;
