/** The query side's half of read-your-writes: applied positions, and the wait for the caller's own writes. */
package io.podservice.query.consistency;
