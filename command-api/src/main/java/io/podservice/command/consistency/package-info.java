/** The command side's half of read-your-writes: where each account's own writes have reached. */
package io.podservice.command.consistency;
