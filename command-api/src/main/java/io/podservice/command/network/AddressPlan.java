package io.podservice.command.network;

import io.podservice.api.network.Ipv4Cidr;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rules of address blocks across resources, checked against the set of subnets that exist
 * ({@link NetworkIndex}): a VPC's or subnet's block is private with a 16-28 bit mask, a subnet lies
 * in its VPC, and no subnet overlaps another (of any account: each is a Docker network on the
 * nodes, and those may not overlap) or a block the nodes' Docker daemon uses.
 */
@Component
class AddressPlan {

    private static final List<Ipv4Cidr> PRIVATE_RANGES = List.of(Ipv4Cidr.parse("10.0.0.0/8").orElseThrow(),
            Ipv4Cidr.parse("172.16.0.0/12").orElseThrow(), Ipv4Cidr.parse("192.168.0.0/16").orElseThrow());

    private final NetworkIndex index;
    private final List<Ipv4Cidr> reserved;

    AddressPlan(NetworkIndex index, NetworkProperties properties) {
        this.index = index;
        this.reserved = properties.getReservedCidrs().stream().map(c -> Ipv4Cidr.parse(c).orElseThrow(() ->
                new IllegalStateException("pod.network.reserved-cidrs: '" + c + "' is not a CIDR block"))).toList();
    }

    /** A CIDR inside 10/8, 172.16/12 or 192.168/16 with a mask of 16 to 28 bits, or INVALID_ARGUMENT naming the field. */
    Ipv4Cidr privateBlock(String field, String text) {
        Ipv4Cidr cidr = Ipv4Cidr.parse(text).orElseThrow(() -> ApiException.invalidArgument("Invalid " + field + ": '"
                + text + "' is not a CIDR block (a.b.c.d/n with the host bits zero)"));
        if (cidr.prefixLength() < 16 || cidr.prefixLength() > 28) {
            throw ApiException.invalidArgument("Invalid " + field + ": the mask must be 16 to 28 bits, got /"
                    + cidr.prefixLength());
        }
        if (PRIVATE_RANGES.stream().noneMatch(range -> range.contains(cidr))) {
            throw ApiException.invalidArgument("Invalid " + field + ": " + cidr + " must lie in 10.0.0.0/8, "
                    + "172.16.0.0/12 or 192.168.0.0/16");
        }
        return cidr;
    }

    /**
     * The block of a new subnet of {@code vpc}, checked against the VPC, the reserved blocks and every
     * subnet; holds the lock on the set of subnets until the transaction ends.
     */
    Ipv4Cidr subnetBlock(NetworkIndex.Resource vpc, String text) {
        Ipv4Cidr cidr = privateBlock("addressPrefix", text);
        if (vpc.addressPrefix() != null && !Ipv4Cidr.parse(vpc.addressPrefix()).orElseThrow().contains(cidr)) {
            throw ApiException.invalidArgument("Invalid addressPrefix: " + cidr + " is not inside VPC '" + vpc.id()
                    + "' (" + vpc.addressPrefix() + ")");
        }
        for (Ipv4Cidr block : reserved) {
            if (block.overlaps(cidr)) {
                throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Invalid addressPrefix: " + cidr
                        + " overlaps " + block + ", which the nodes' Docker daemon uses (pod.network.reserved-cidrs)");
            }
        }
        index.lock("subnets");
        for (NetworkIndex.Resource other : index.all(NetworkIndex.SUBNET)) {
            if (Ipv4Cidr.parse(other.addressPrefix()).orElseThrow().overlaps(cidr)) {
                throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Invalid addressPrefix: " + cidr + " overlaps "
                        + (other.vpcId().equals(vpc.id()) ? "subnet '" + other.id() + "' (" + other.addressPrefix()
                        + ") of the same VPC" : "another subnet on this service's nodes (" + other.addressPrefix()
                        + "); every subnet is a Docker network on the nodes, and those may not overlap"));
            }
        }
        return cidr;
    }
}
