package dev.meshwalk.localcloud.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link ResolutionContext} of one stack and one template: parameters, conditions (evaluated once each,
 * cycles refused), and resource values from a {@link Values} source that is either the live stack or a plan.
 */
final class StackContext implements ResolutionContext {

    /** Where resource values come from. */
    interface Values {
        /** {@code Ref} value, {@link Unknown}, or null when the resource is not part of the stack. */
        Object ref(String logicalId);

        Object getAtt(String logicalId, String attribute);
    }

    private final Template template;
    private final ParameterValues parameters;
    private final String region;
    private final String accountId;
    private final String stackName;
    private final String stackId;
    private final Function<String, String> exports;
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private final Set<String> imported = new LinkedHashSet<>();
    private volatile Values values = new Values() {
        @Override
        public Object ref(String logicalId) {
            return null;
        }

        @Override
        public Object getAtt(String logicalId, String attribute) {
            return null;
        }
    };

    StackContext(Template template, ParameterValues parameters, String region, String accountId, String stackName,
                 String stackId, Function<String, String> exports) {
        this.template = template;
        this.parameters = parameters;
        this.region = region;
        this.accountId = accountId;
        this.stackName = stackName;
        this.stackId = stackId;
        this.exports = exports;
    }

    StackContext withValues(Values v) {
        this.values = v;
        return this;
    }

    Template template() {
        return template;
    }

    ParameterValues parameters() {
        return parameters;
    }

    Intrinsics intrinsics() {
        return new Intrinsics(this);
    }

    /** Export names this stack read through {@code Fn::ImportValue}. */
    Set<String> imported() {
        synchronized (imported) {
            return Set.copyOf(imported);
        }
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public String stackName() {
        return stackName;
    }

    @Override
    public String stackId() {
        return stackId;
    }

    @Override
    public Object parameter(String name) {
        return parameters.resolved().get(name);
    }

    @Override
    public synchronized boolean condition(String name) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        if (!template.conditions().containsKey(name)) {
            throw CfnException.templateFormat("Unresolved condition dependency " + name + " in Fn::If or Condition");
        }
        if (!evaluating.add(name)) {
            throw CfnException.templateFormat("Circular dependency between conditions: [" + name + "]");
        }
        Object v = intrinsics().resolve(template.conditions().get(name), "Conditions." + name);
        evaluating.remove(name);
        if (!(v instanceof Boolean b)) {
            throw CfnException.templateFormat("Conditions." + name + " must be a condition function (Fn::Equals, Fn::And, ...)");
        }
        conditions.put(name, b);
        return b;
    }

    @Override
    public Object ref(String logicalId) {
        return values.ref(logicalId);
    }

    @Override
    public Object getAtt(String logicalId, String attribute) {
        return values.getAtt(logicalId, attribute);
    }

    @Override
    public String importValue(String exportName) {
        String v = exports.apply(exportName);
        if (v != null) {
            synchronized (imported) {
                imported.add(exportName);
            }
        }
        return v;
    }

    @Override
    public Map<String, Object> mappings() {
        return template.mappings();
    }
}
