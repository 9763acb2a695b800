/**
 * Billing: a subscriber of the pod-events topic with its own consumer group ({@code billing}) that
 * meters running time per instance type and bound elastic IP time, split at hour boundaries
 * ({@code UsageMeter}), priced by {@code PriceList}, read with {@code describeUsage}
 * ({@code GET /v1/regions/{regionId}/usage}).
 */
package io.podservice.billing;
