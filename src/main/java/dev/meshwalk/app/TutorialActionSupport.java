package dev.meshwalk.app;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.meshwalk.cloud.DeployPlan;
import dev.meshwalk.cloud.DeployRequest;
import dev.meshwalk.effects.ActionSupport;

/**
 * Gives the interactive actions the same templates, parameters and wording as the scripted subcommands
 * ({@link ChapterRef}, {@link DeployCommand#parameters}, {@link ChangePreviewFormatter}, {@link Sparkline}).
 */
final class TutorialActionSupport implements ActionSupport {

    private final String project;
    private final boolean unicode;

    TutorialActionSupport(String project, boolean unicode) {
        this.project = project;
        this.unicode = unicode;
    }

    static TutorialActionSupport fromEnvironment(Map<String, String> env, boolean unicode) {
        String p = env.get("MESHWALK_PROJECT");
        return new TutorialActionSupport(p == null || p.isBlank() ? ProjectOption.DEFAULT : p.strip(), unicode);
    }

    @Override
    public String stackName() {
        return DeployRequest.stackNameFor(project);
    }

    @Override
    public String project() {
        return project;
    }

    @Override
    public String template(String chapterId) throws IOException {
        return new ChapterRef(chapterId).template();
    }

    @Override
    public Map<String, String> parameters() {
        return DeployCommand.parameters(project);
    }

    @Override
    public List<String> preview(DeployPlan.Ready plan) {
        return ChangePreviewFormatter.lines(plan);
    }

    @Override
    public String sparkline(List<Double> values, int width) {
        return Sparkline.render(values, width, unicode);
    }
}
