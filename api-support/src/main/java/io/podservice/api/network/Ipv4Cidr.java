package io.podservice.api.network;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 block such as {@code 10.0.1.0/24}, with the address plan of a subnet: the network
 * address and the broadcast address are never assigned, the first host address is the gateway
 * (the Docker bridge), the second is reserved (JD Cloud keeps it for DHCP), and pods get the rest.
 */
public record Ipv4Cidr(long network, int prefixLength) {

    private static final Pattern FORM = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$");

    public Ipv4Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is not in [0, 32]");
        }
    }

    /** The block, or empty when {@code text} is not {@code a.b.c.d/n} with its host bits zero. */
    public static Optional<Ipv4Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Long> address = address(m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4));
        int length = Integer.parseInt(m.group(5));
        if (address.isEmpty() || length > 32) {
            return Optional.empty();
        }
        Ipv4Cidr cidr = new Ipv4Cidr(address.get(), length);
        return cidr.network() == (address.get() & cidr.mask()) ? Optional.of(cidr) : Optional.empty();
    }

    /** The 32-bit value of a dotted quad, or empty when it is not one. */
    public static Optional<Long> address(String dotted) {
        if (dotted == null) {
            return Optional.empty();
        }
        String[] parts = dotted.trim().split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = value << 8 | octet;
        }
        return Optional.of(value);
    }

    public static String dotted(long address) {
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }

    public long mask() {
        return prefixLength == 0 ? 0 : 0xFFFFFFFFL << (32 - prefixLength) & 0xFFFFFFFFL;
    }

    public long size() {
        return 1L << (32 - prefixLength);
    }

    public long broadcast() {
        return network + size() - 1;
    }

    public boolean contains(long address) {
        return (address & mask()) == network;
    }

    public boolean contains(Ipv4Cidr other) {
        return other.prefixLength >= prefixLength && contains(other.network);
    }

    public boolean overlaps(Ipv4Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** The gateway: the first host address. */
    public long gateway() {
        return network + 1;
    }

    /** The first address a pod may get. */
    public long firstAssignable() {
        return network + 3;
    }

    /** The last address a pod may get. */
    public long lastAssignable() {
        return broadcast() - 1;
    }

    public long assignableCount() {
        return Math.max(0, lastAssignable() - firstAssignable() + 1);
    }

    public boolean assignable(long address) {
        return address >= firstAssignable() && address <= lastAssignable();
    }

    @Override
    public String toString() {
        return dotted(network) + "/" + prefixLength;
    }
}
