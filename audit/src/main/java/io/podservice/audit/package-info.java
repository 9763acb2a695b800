/**
 * The audit trail: a subscriber of the pod-events topic with its own consumer group ({@code audit})
 * that records who did what and when ({@code AuditTrail}), and {@code describeAuditEvents}
 * ({@code GET /v1/regions/{regionId}/auditEvents}) to read it.
 */
package io.podservice.audit;
