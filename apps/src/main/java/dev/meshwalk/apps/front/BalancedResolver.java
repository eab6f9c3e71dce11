package dev.meshwalk.apps.front;

import dev.meshwalk.apps.common.AppConfigurationException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupSession;

/**
 * Client-side load balancing over DNS, the way chapter 1 teaches it: ask DNS for every A record of the
 * color service (Cloud Map answers one per healthy task), keep the answer for its TTL, and spread calls
 * over all addresses in turn. dnsjava does the protocol and the TTL-honouring cache; this class owns the
 * policy (round robin, so every instance gets its share even over a handful of calls).
 *
 * <p>The cache and the counter belong to one front instance; nothing is shared between apps in one JVM.
 */
final class BalancedResolver {
    /** Answers are capped at this many entries; front only ever asks for one or two names. */
    private static final int CACHE_ENTRIES = 64;
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

    private final LookupSession session;
    private final AtomicInteger turn = new AtomicInteger();

    private BalancedResolver(LookupSession session) {
        this.session = session;
    }

    /**
     * @param dnsServer the resolver to ask ({@code DNS_SERVER}, set by the local cloud), or {@code null}
     *                  for the system's resolvers (on AWS: the VPC resolver that serves Cloud Map zones)
     */
    static BalancedResolver create(HostAndPort dnsServer) {
        Resolver resolver;
        if (dnsServer == null) {
            resolver = new ExtendedResolver();
        } else {
            try {
                resolver = new SimpleResolver(new InetSocketAddress(
                        InetAddress.getByAddress(literal(dnsServer.host())), dnsServer.port()));
            } catch (UnknownHostException notLiteral) {
                throw new AppConfigurationException("DNS_SERVER must be an IP address and port such as "
                        + "127.0.0.1:53, got host '" + dnsServer.host() + "'; unset it to use the system resolver");
            }
        }
        resolver.setTimeout(QUERY_TIMEOUT);
        Cache cache = new Cache(DClass.IN);
        cache.setMaxEntries(CACHE_ENTRIES);
        LookupSession session = LookupSession.builder()
                .resolver(resolver)
                .cache(cache)
                .defaultHostsFileParser()
                .executor(Runnable::run)
                .build();
        return new BalancedResolver(session);
    }

    /** True when {@code host} is an IPv4 or IPv6 literal that needs no lookup. */
    static boolean isLiteral(String host) {
        return Address.toByteArray(host, Address.IPv4) != null || Address.toByteArray(host, Address.IPv6) != null;
    }

    private static byte[] literal(String host) throws UnknownHostException {
        byte[] v4 = Address.toByteArray(host, Address.IPv4);
        byte[] bytes = v4 != null ? v4 : Address.toByteArray(host, Address.IPv6);
        if (bytes == null) {
            throw new UnknownHostException(host + " is not an IP address");
        }
        return bytes;
    }

    /** Picks the address for the next call to {@code host}: the literal itself, or the next A record in turn. */
    InetAddress next(String host) throws UnknownHostException {
        if (isLiteral(host)) {
            return InetAddress.getByAddress(host, literal(host));
        }
        List<InetAddress> addresses = resolveAll(host);
        return addresses.get(Math.floorMod(turn.getAndIncrement(), addresses.size()));
    }

    /** All A records of {@code host}, in a stable order so round robin is fair whatever order DNS used. */
    List<InetAddress> resolveAll(String host) throws UnknownHostException {
        Name name;
        try {
            name = Name.fromString(host, Name.root);
        } catch (TextParseException badName) {
            throw new UnknownHostException(host + " is not a valid host name");
        }
        List<Record> records;
        try {
            records = session.lookupAsync(name, Type.A).toCompletableFuture()
                    .get(QUERY_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS).getRecords();
        } catch (ExecutionException | CompletionException failed) {
            throw unknown(host, failed.getCause() == null ? failed : failed.getCause());
        } catch (TimeoutException slow) {
            throw unknown(host, slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unknown(host, interrupted);
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (Record record : records) {
            if (record instanceof ARecord a) {
                addresses.add(a.getAddress());
            }
        }
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host + " has no A records");
        }
        addresses.sort(Comparator.comparing(InetAddress::getAddress, Arrays::compareUnsigned));
        return addresses;
    }

    private static UnknownHostException unknown(String host, Throwable cause) {
        UnknownHostException unknown = new UnknownHostException("cannot resolve " + host + ": " + cause);
        unknown.initCause(cause);
        return unknown;
    }
}
