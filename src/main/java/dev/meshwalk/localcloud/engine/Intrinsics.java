package dev.meshwalk.localcloud.engine;

import static dev.meshwalk.localcloud.engine.IntrinsicArgs.args;
import static dev.meshwalk.localcloud.engine.IntrinsicArgs.bool;
import static dev.meshwalk.localcloud.engine.IntrinsicArgs.error;
import static dev.meshwalk.localcloud.engine.IntrinsicArgs.list;
import static dev.meshwalk.localcloud.engine.IntrinsicArgs.text;

import dev.meshwalk.localcloud.engine.schema.Canonical;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation's intrinsic functions and pseudo parameters over a template tree. Each error says
 * where in the template it happened ({@code Resources.Bar.Properties.X}), since that is what a learner needs
 * to fix it.
 */
final class Intrinsics {

    /** Marks {@code Ref: AWS::NoValue}; the enclosing map entry or list element disappears. */
    static final Object NO_VALUE = new Object();

    static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}]*)}");

    private final ResolutionContext ctx;

    Intrinsics(ResolutionContext ctx) {
        this.ctx = ctx;
    }

    /** Resolves a whole tree; {@code AWS::NoValue} members are dropped. */
    Object resolve(Object value, String where) {
        Object v = eval(value, where);
        return v == NO_VALUE ? null : v;
    }

    @SuppressWarnings("unchecked")
    private Object eval(Object value, String where) {
        if (value instanceof Map<?, ?> raw) {
            Map<String, Object> m = (Map<String, Object>) raw;
            if (m.size() == 1) {
                String key = m.keySet().iterator().next();
                if (key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition") && isConditionRef(m)) {
                    return function(key, m.get(key), where + "." + key);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : m.entrySet()) {
                Object v = eval(e.getValue(), where + "." + e.getKey());
                if (v != NO_VALUE) {
                    out.put(e.getKey(), v);
                }
            }
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                Object v = eval(l.get(i), where + "[" + i + "]");
                if (v != NO_VALUE) {
                    out.add(v);
                }
            }
            return out;
        }
        return value;
    }

    private static boolean isConditionRef(Map<String, Object> m) {
        return m.get("Condition") instanceof String;
    }

    private Object function(String fn, Object arg, String where) {
        switch (fn) {
            case "Ref":
                return ref(text(eval(arg, where), where), where);
            case "Condition":
                return ctx.condition(String.valueOf(arg));
            case "Fn::GetAtt":
                return getAtt(arg, where);
            case "Fn::Sub":
                return sub(arg, where);
            case "Fn::Join": {
                List<Object> a = args(arg, 2, where);
                String delimiter = text(eval(a.get(0), where), where);
                Object items = eval(a.get(1), where);
                if (items instanceof Unknown) {
                    return Unknown.VALUE;
                }
                List<Object> list = list(items, where);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Unknown) {
                        return Unknown.VALUE;
                    }
                    sb.append(i == 0 ? "" : delimiter).append(text(list.get(i), where));
                }
                return sb.toString();
            }
            case "Fn::Select": {
                List<Object> a = args(arg, 2, where);
                Object indexValue = eval(a.get(0), where);
                Object items = eval(a.get(1), where);
                if (items instanceof Unknown || indexValue instanceof Unknown) {
                    return Unknown.VALUE;
                }
                int index;
                try {
                    index = Integer.parseInt(text(indexValue, where));
                } catch (NumberFormatException e) {
                    throw error(where, "Fn::Select index must be a number, got '" + indexValue + "'");
                }
                List<Object> list = list(items, where);
                if (index < 0 || index >= list.size()) {
                    throw error(where, "Fn::Select cannot select nonexistent value at index " + index);
                }
                return list.get(index);
            }
            case "Fn::Split": {
                List<Object> a = args(arg, 2, where);
                String delimiter = text(eval(a.get(0), where), where);
                Object source = eval(a.get(1), where);
                if (source instanceof Unknown) {
                    return Unknown.VALUE;
                }
                return new ArrayList<Object>(List.of(text(source, where).split(Pattern.quote(delimiter), -1)));
            }
            case "Fn::GetAZs": {
                Object r = eval(arg, where);
                String region = r == null || text(r, where).isEmpty() ? ctx.region() : text(r, where);
                return new ArrayList<Object>(List.of(region + "a", region + "b", region + "c"));
            }
            case "Fn::If": {
                List<Object> a = args(arg, 3, where);
                String condition = text(a.get(0), where);
                return eval(ctx.condition(condition) ? a.get(1) : a.get(2), where);
            }
            case "Fn::Equals": {
                List<Object> a = args(arg, 2, where);
                return canonical(eval(a.get(0), where)).equals(canonical(eval(a.get(1), where)));
            }
            case "Fn::And", "Fn::Or": {
                List<Object> a = list(arg, where);
                if (a.size() < 2 || a.size() > 10) {
                    throw error(where, fn + " takes between 2 and 10 conditions");
                }
                boolean and = fn.equals("Fn::And");
                boolean result = and;
                for (Object c : a) {
                    boolean b = bool(eval(c, where), where);
                    result = and ? result && b : result || b;
                }
                return result;
            }
            case "Fn::Not": {
                List<Object> a = args(arg, 1, where);
                return !bool(eval(a.get(0), where), where);
            }
            case "Fn::FindInMap":
                return findInMap(arg, where);
            case "Fn::ImportValue": {
                Object name = eval(arg, where);
                if (name instanceof Unknown) {
                    return Unknown.VALUE;
                }
                String value = ctx.importValue(text(name, where));
                if (value == null) {
                    throw CfnException.validation("No export named " + name + " found. (" + where + ")");
                }
                return value;
            }
            case "Fn::Base64": {
                Object v = eval(arg, where);
                return v instanceof Unknown ? v
                        : Base64.getEncoder().encodeToString(text(v, where).getBytes(StandardCharsets.UTF_8));
            }
            case "Fn::Cidr":
                return cidr(args(arg, 3, where), where);
            default:
                throw CfnException.templateFormat("Unrecognized function " + fn + " at " + where);
        }
    }

    private Object ref(String name, String where) {
        switch (name) {
            case "AWS::Region":
                return ctx.region();
            case "AWS::AccountId":
                return ctx.accountId();
            case "AWS::StackName":
                return ctx.stackName();
            case "AWS::StackId":
                return ctx.stackId();
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::NotificationARNs":
                return new ArrayList<>();
            default:
                break;
        }
        Object p = ctx.parameter(name);
        if (p != null) {
            return p instanceof List<?> l ? new ArrayList<Object>(l) : p;
        }
        Object r = ctx.ref(name);
        if (r == null) {
            throw CfnException.templateFormat("Unresolved resource dependencies [" + name
                    + "] in the Resources block of the template (" + where + ")");
        }
        return r;
    }

    private Object getAtt(Object arg, String where) {
        List<Object> a = args(arg, 2, where);
        String resource = text(a.get(0), where);
        String attribute = text(eval(a.get(1), where), where);
        if (ctx.ref(resource) == null) {
            throw CfnException.templateFormat("Template error: instance of Fn::GetAtt references undefined resource "
                    + resource + " (" + where + ")");
        }
        return ctx.getAtt(resource, attribute);
    }

    @SuppressWarnings("unchecked")
    private Object sub(Object arg, String where) {
        String pattern;
        Map<String, Object> vars = new LinkedHashMap<>();
        if (arg instanceof String s) {
            pattern = s;
        } else {
            List<Object> a = args(arg, 2, where);
            pattern = text(a.get(0), where);
            if (!(a.get(1) instanceof Map)) {
                throw error(where, "the second element of Fn::Sub must be a map of variables");
            }
            for (var e : ((Map<String, Object>) a.get(1)).entrySet()) {
                vars.put(e.getKey(), eval(e.getValue(), where + "." + e.getKey()));
            }
        }
        Matcher m = SUB_VAR.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        boolean unknown = false;
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else {
                Object v;
                if (vars.containsKey(name)) {
                    v = vars.get(name);
                } else if (name.contains(".") && !name.startsWith("AWS::")) {
                    int dot = name.indexOf('.');
                    String res = name.substring(0, dot);
                    if (ctx.parameter(res) != null || ctx.ref(res) == null) {
                        throw CfnException.templateFormat("Unresolved resource dependencies [" + res
                                + "] in the Resources block of the template (" + where + ")");
                    }
                    v = ctx.getAtt(res, name.substring(dot + 1));
                } else {
                    v = ref(name.trim(), where);
                }
                if (v instanceof Unknown) {
                    unknown = true;
                    v = "";
                }
                if (v instanceof List) {
                    throw error(where, "Fn::Sub variable ${" + name + "} is a list; join it first");
                }
                replacement = text(v, where);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return unknown ? Unknown.VALUE : sb.toString();
    }

    @SuppressWarnings("unchecked")
    private Object findInMap(Object arg, String where) {
        List<Object> a = list(arg, where);
        if (a.size() < 3) {
            throw error(where, "Fn::FindInMap needs [MapName, TopLevelKey, SecondLevelKey]");
        }
        String map = text(eval(a.get(0), where), where);
        String top = text(eval(a.get(1), where), where);
        String second = text(eval(a.get(2), where), where);
        Object m = ctx.mappings().get(map);
        if (!(m instanceof Map)) {
            throw error(where, "Mapping named '" + map + "' is not present in the 'Mappings' section of template");
        }
        Object t = ((Map<String, Object>) m).get(top);
        Object v = t instanceof Map ? ((Map<String, Object>) t).get(second) : null;
        if (v == null) {
            throw error(where, "Unable to get mapping for " + map + "::" + top + "::" + second);
        }
        return eval(v, where);
    }

    private Object cidr(List<Object> a, String where) {
        Object blockValue = eval(a.get(0), where);
        Object countValue = eval(a.get(1), where);
        Object bitsValue = eval(a.get(2), where);
        if (blockValue instanceof Unknown || countValue instanceof Unknown || bitsValue instanceof Unknown) {
            return Unknown.VALUE;
        }
        String block = text(blockValue, where);
        int count;
        int bits;
        try {
            count = Integer.parseInt(text(countValue, where));
            bits = Integer.parseInt(text(bitsValue, where));
        } catch (NumberFormatException e) {
            throw error(where, "Fn::Cidr count and cidrBits must be numbers");
        }
        return Cidr.subnets(block, count, bits, where);
    }

    /** Leaves compared as text, the way CloudFormation compares {@code 8080} and {@code "8080"}. */
    static Object canonical(Object v) {
        return Canonical.of(v);
    }
}
