package dev.meshwalk.localcloud.service.sts;

import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * STS {@code GetCallerIdentity} (awsQuery, version 2011-06-15): who the caller is. Signatures are not checked
 * locally, so every caller is the local account's root user; scripts that read {@code Account} from it (to build
 * ARNs or bucket names) get the account every local ARN carries.
 */
public final class StsService implements AwsService {

    @Override
    public String signingName() {
        return "sts";
    }

    @Override
    public Set<String> operations() {
        return Set.of("GetCallerIdentity");
    }

    @Override
    public Object call(String operation, Params input, RequestContext context) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("UserId", context.accountId());
        out.put("Account", context.accountId());
        out.put("Arn", "arn:aws:iam::" + context.accountId() + ":root");
        return out;
    }
}
