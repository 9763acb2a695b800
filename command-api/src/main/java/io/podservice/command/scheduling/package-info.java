/**
 * Where pods run: the {@link io.podservice.command.scheduling.Scheduler} places each new pod on a
 * ready node of its availability zone with room for its instance type, the
 * {@link io.podservice.command.scheduling.PlacementLedger} keeps what each node holds, and the
 * {@link io.podservice.command.scheduling.Evacuation} moves or fails the pods of a lost node.
 */
package io.podservice.command.scheduling;
