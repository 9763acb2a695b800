/** The Pod aggregate and the commands it handles. No I/O here: rules in, events out. */
package io.podservice.command.pod;
