/** IPv4 address arithmetic shared by the command side (address assignment), the read side and the nodes. */
package io.podservice.api.network;
