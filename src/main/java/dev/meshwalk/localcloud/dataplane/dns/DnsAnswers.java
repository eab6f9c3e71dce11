package dev.meshwalk.localcloud.dataplane.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Builds DNS answers from the registered {@link DnsRecordSource}s: A, SRV, CNAME (followed inside our
 * zones), NODATA for a known name without the asked type, NXDOMAIN otherwise. Shared by the UDP/TCP server
 * and by in-process callers (the mesh proxy's DNS service discovery) so both see exactly the same data.
 */
public final class DnsAnswers {

    private final List<DnsRecordSource> sources = new CopyOnWriteArrayList<>();

    public void addSource(DnsRecordSource source) {
        sources.add(source);
    }

    /** The answer to one query message. */
    public Message answer(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response;
        }
        response.addRecord(question, Section.QUESTION);
        if (question.getDClass() != DClass.IN && question.getDClass() != DClass.ANY) {
            response.getHeader().setRcode(Rcode.NOTIMP);
            return response;
        }
        Lookup lookup = lookup(question.getName(), question.getType());
        if (lookup.authoritative()) {
            response.getHeader().setFlag(Flags.AA);
        }
        response.getHeader().setRcode(lookup.nameExists() ? Rcode.NOERROR : Rcode.NXDOMAIN);
        lookup.answers().forEach(r -> response.addRecord(r, Section.ANSWER));
        lookup.additional().forEach(r -> response.addRecord(r, Section.ADDITIONAL));
        return response;
    }

    /** Result of looking up one name and type. */
    public record Lookup(boolean nameExists, boolean authoritative, List<Record> answers, List<Record> additional) {
    }

    public Lookup lookup(Name name, int type) {
        List<Record> answers = new ArrayList<>();
        List<Record> additional = new ArrayList<>();
        Name current = name;
        boolean authoritative = false;
        for (int hops = 0; hops < 8; hops++) {
            List<Record> records = recordsFor(current);
            authoritative |= isAuthoritative(current);
            if (records.isEmpty()) {
                return new Lookup(hops > 0, authoritative, answers, additional);
            }
            List<Record> matching = records.stream()
                    .filter(r -> r.getType() == type || type == Type.ANY).toList();
            if (!matching.isEmpty()) {
                answers.addAll(matching);
                if (type == Type.SRV) {
                    matching.forEach(srv -> additional.addAll(recordsFor(srv.getAdditionalName()).stream()
                            .filter(r -> r.getType() == Type.A).toList()));
                }
                return new Lookup(true, authoritative, answers, additional);
            }
            Record cname = records.stream().filter(r -> r.getType() == Type.CNAME).findFirst().orElse(null);
            if (cname == null) {
                return new Lookup(true, authoritative, answers, additional);
            }
            answers.add(cname);
            current = ((CNAMERecord) cname).getTarget();
        }
        return new Lookup(true, authoritative, answers, additional);
    }

    /** IPv4 addresses for a host name (the in-process equivalent of an A query); empty when unknown. */
    public List<InetAddress> resolveIpv4(String hostName) {
        try {
            Name name = Name.fromString(hostName.endsWith(".") ? hostName : hostName + ".");
            return lookup(name, Type.A).answers().stream()
                    .filter(r -> r instanceof ARecord).map(r -> ((ARecord) r).getAddress()).toList();
        } catch (TextParseException e) {
            return List.of();
        }
    }

    private List<Record> recordsFor(Name name) {
        if (name == null) {
            return List.of();
        }
        for (DnsRecordSource source : sources) {
            List<Record> records = source.recordsFor(name);
            if (!records.isEmpty()) {
                return records;
            }
        }
        return List.of();
    }

    private boolean isAuthoritative(Name name) {
        return sources.stream().anyMatch(s -> s.isAuthoritativeFor(name));
    }
}
