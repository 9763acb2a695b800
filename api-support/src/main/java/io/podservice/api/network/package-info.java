/** IPv4 address arithmetic and the primary interface's derived names, shared by the command side (address assignment), the read side and the nodes. */
package io.podservice.api.network;
