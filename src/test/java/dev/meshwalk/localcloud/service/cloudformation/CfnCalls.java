package dev.meshwalk.localcloud.service.cloudformation;

import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: a fresh service and terse calls shaped like decoded awsQuery requests. */
final class CfnCalls implements AutoCloseable {

    final CloudFormationService service;
    final ProviderRegistry providers;

    CfnCalls() {
        this(ProviderRegistry.standard(), EngineSettings.defaults().withSyncWait(java.time.Duration.ofSeconds(20)));
    }

    CfnCalls(ProviderRegistry providers, EngineSettings settings) {
        this.providers = providers;
        this.service = new CloudFormationService(new CloudFormationEngine(providers, settings));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> call(String op, Object... kv) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            tree.put((String) kv[i], kv[i + 1]);
        }
        return (Map<String, Object>) service.call(op, new Params(tree),
                new RequestContext("us-east-1", RequestContext.DEFAULT_ACCOUNT, "rid"));
    }

    static List<Object> params(String... kv) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("ParameterKey", kv[i]);
            if (kv[i + 1] == null) {
                p.put("UsePreviousValue", "true");
            } else {
                p.put("ParameterValue", kv[i + 1]);
            }
            out.add(p);
        }
        return out;
    }

    static String fixture(String name) {
        try (InputStream in = CfnCalls.class.getResourceAsStream("/cfn/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> stack(String name) {
        List<Object> stacks = (List<Object>) call("DescribeStacks", "StackName", name).get("Stacks");
        return (Map<String, Object>) stacks.get(0);
    }

    String status(String name) {
        return (String) stack(name).get("StackStatus");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events(String name) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<Object>) call("DescribeStackEvents", "StackName", name).get("StackEvents")) {
            out.add((Map<String, Object>) o);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    Map<String, String> outputs(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        Object o = stack(name).get("Outputs");
        if (o != null) {
            for (Object x : (List<Object>) o) {
                Map<String, Object> m = (Map<String, Object>) x;
                out.put((String) m.get("OutputKey"), (String) m.get("OutputValue"));
            }
        }
        return out;
    }

    /** Creates a change set and executes it, returning the DescribeChangeSet answer seen before executing. */
    Map<String, Object> deploy(String stack, String template, String type, Object... extra) {
        List<Object> kv = new ArrayList<>(List.of("StackName", stack, "TemplateBody", template, "ChangeSetName",
                "cs-" + System.nanoTime(), "ChangeSetType", type, "Capabilities", List.of("CAPABILITY_IAM")));
        kv.addAll(List.of(extra));
        Map<String, Object> created = call("CreateChangeSet", kv.toArray());
        Map<String, Object> described = call("DescribeChangeSet", "ChangeSetName", created.get("Id"), "StackName", stack);
        if ("CREATE_COMPLETE".equals(described.get("Status"))) {
            call("ExecuteChangeSet", "ChangeSetName", created.get("Id"), "StackName", stack);
        }
        return described;
    }

    @Override
    public void close() {
        service.close();
    }
}
