package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands the container health-check commands templates use, which are curl probes of the container itself:
 * {@code curl -s http://localhost:9901/server_info | grep LIVE}. Locally there is no shell; the probe becomes an
 * HTTP GET to the task address on the port that container port maps to, and each {@code grep WORD} becomes "the
 * body contains WORD". {@code curl -f} additionally requires a 2xx status.
 */
record HealthCommand(int port, String path, List<String> mustContain, boolean failOnHttpError) {

    private static final Pattern URL = Pattern.compile("https?://(?:localhost|127\\.0\\.0\\.1)(?::(\\d+))?(/[^\\s|;&'\"]*)?");
    private static final Pattern GREP = Pattern.compile("grep((?:\\s+-\\w+)*)\\s+(?:'([^']*)'|\"([^\"]*)\"|(\\S+))");

    /** The probe a command stands for, or empty when the command is not a curl probe of localhost. */
    static Optional<HealthCommand> parse(List<String> command) {
        if (command.isEmpty()) {
            return Optional.empty();
        }
        String line = String.join(" ", command.get(0).startsWith("CMD") ? command.subList(1, command.size()) : command);
        if (!line.contains("curl")) {
            return Optional.empty();
        }
        Matcher url = URL.matcher(line);
        if (!url.find()) {
            return Optional.empty();
        }
        int port = url.group(1) == null ? 80 : Integer.parseInt(url.group(1));
        String path = url.group(2) == null ? "/" : url.group(2);
        List<String> words = new ArrayList<>();
        Matcher grep = GREP.matcher(line);
        while (grep.find()) {
            String word = grep.group(2) != null ? grep.group(2) : grep.group(3) != null ? grep.group(3) : grep.group(4);
            words.add(word);
        }
        boolean fail = line.matches(".*curl\\s+(?:\\S+\\s+)*(?:-f\\b|--fail\\b|-\\w*f\\w*\\b).*");
        return Optional.of(new HealthCommand(port, path, words, fail));
    }

    boolean passes(int status, String body) {
        if (failOnHttpError && (status < 200 || status >= 400)) {
            return false;
        }
        return mustContain.stream().allMatch(body::contains);
    }
}
