package dev.meshwalk.localcloud.engine;

import static dev.meshwalk.localcloud.engine.IntrinsicArgs.error;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** {@code Fn::Cidr}: the first {@code count} subnets of {@code /(32 - cidrBits)} in an IPv4 block. */
final class Cidr {

    private Cidr() {
    }

    static List<Object> subnets(String block, int count, int bits, String where) {
        String[] parts = block.split("/");
        try {
            byte[] addr = InetAddress.getByName(parts[0]).getAddress();
            if (addr.length != 4 || parts.length != 2) {
                throw error(where, "Fn::Cidr supports IPv4 blocks like 10.0.0.0/16");
            }
            long base = ((addr[0] & 0xffL) << 24) | ((addr[1] & 0xffL) << 16) | ((addr[2] & 0xffL) << 8) | (addr[3] & 0xffL);
            int prefix = 32 - bits;
            int blockPrefix = Integer.parseInt(parts[1]);
            if (prefix < blockPrefix || count < 1 || count > (1L << (prefix - blockPrefix))) {
                throw error(where, "Fn::Cidr cannot fit " + count + " subnets of /" + prefix + " in " + block);
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long n = base + ((long) i << bits);
                out.add(((n >> 24) & 0xff) + "." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff) + "/" + prefix);
            }
            return out;
        } catch (UnknownHostException | NumberFormatException e) {
            throw error(where, "Fn::Cidr: '" + block + "' is not an IPv4 CIDR block");
        }
    }
}
