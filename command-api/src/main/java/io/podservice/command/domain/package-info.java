/** What every aggregate of the write side shares: how it refuses a command ({@link io.podservice.command.domain.CommandRejected}). */
package io.podservice.command.domain;
