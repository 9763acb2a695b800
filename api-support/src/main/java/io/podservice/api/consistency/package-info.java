/**
 * Read-your-writes across the command and query sides: the command side's record of an account's
 * recent write positions, which the query side waits for.
 */
package io.podservice.api.consistency;
