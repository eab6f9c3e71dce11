package dev.meshwalk.localcloud.engine;

import java.util.Map;

/**
 * Reads what a CreateStack, UpdateStack or CreateChangeSet request asks for: the template (its body, or the
 * previous one), the tags (a request without tags keeps the stack's), and the context its intrinsics resolve in.
 */
final class StackInputs {

    private final TemplateParser parser = new TemplateParser();
    private final Exports exports;

    StackInputs(Exports exports) {
        this.exports = exports;
    }

    /** Parses a template body and checks its structure; throws {@link CfnException} with what to fix. */
    Template parse(String body) {
        Template t = parser.parse(body);
        TemplateAnalysis.checkStructure(t);
        return t;
    }

    Template template(StackRequest req, Stack.Config previous) {
        if (req.usePreviousTemplate()) {
            if (previous == null) {
                throw CfnException.validation("UsePreviousTemplate can only be used with an existing stack");
            }
            return previous.template();
        }
        if (req.templateBody() == null || req.templateBody().isEmpty()) {
            throw CfnException.validation("Either Template URL or Template Body must be specified.");
        }
        return parse(req.templateBody());
    }

    StackContext context(Stack stack, Template template, ParameterValues params) {
        return new StackContext(template, params, stack.region(), stack.accountId(), stack.name(), stack.id(),
                exports::value);
    }

    static Map<String, String> tags(StackRequest req, Stack current) {
        if (req.tags() == null || req.tags().isEmpty() && current != null) {
            return current == null ? Map.of() : current.config().tags();
        }
        return req.tags();
    }

    /** Refuses a template whose IAM resources need a capability the request did not acknowledge. */
    static void checkCapabilities(StackContext ctx, StackRequest req) {
        TemplateAnalysis.checkCapabilities(TemplateAnalysis.requiredCapability(
                TemplateAnalysis.analyze(ctx).resources().values()), req.capabilities());
    }
}
