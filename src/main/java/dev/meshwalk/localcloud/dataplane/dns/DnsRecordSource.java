package dev.meshwalk.localcloud.dataplane.dns;

import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Something that owns DNS names: Cloud Map's DNS namespaces, Route 53 hosted zones, load balancer names.
 * The DNS server asks each source in turn; the first that knows a name answers for it.
 */
public interface DnsRecordSource {

    /** Every record this source holds for the exact name (any type), already with local TTLs; empty if none. */
    List<Record> recordsFor(Name name);

    /** Whether the name lies in a zone this source is authoritative for (so "no records" means NXDOMAIN/NODATA). */
    boolean isAuthoritativeFor(Name name);
}
