package com.lotastro.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README as a newcomer follows it, twice: command 1 starts the packaged API (embedded PostgreSQL, fresh data, in
 * a directory of its own), every bash block of the tour runs in one bash session and prints exactly its "prints"
 * block, the API stops without leaving PostgreSQL behind, its data survives a restart, and after the README's
 * start-over command the tour runs again from scratch. Along the way, a wrong database name stops a start within
 * seconds with the value that was set.
 *
 * <p>The tour needs bash, curl, jq, openssl, base64 and od; where one is missing this check fails and names it,
 * rather than passing without having run the tour.
 */
class ReadmeTourIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final List<String> TOOLS = List.of("bash", "curl", "jq", "openssl", "base64", "od", "tr");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern LISTENING = Pattern.compile("LotAstro API listening on (http://\\S+) ");
    private static final Pattern EMBEDDED = Pattern.compile("Embedded PostgreSQL \\S+ listens on 127\\.0\\.0\\.1:(\\d+) ");

    @Test
    void shouldStartAsTheReadmeSaysAndPrintWhatTheTourSaysTwice(@TempDir Path home) throws Exception {
        requireTools();
        Readme readme = Readme.read(ROOT.resolve("README.md"));
        // A fresh checkout's layout, as command 1 expects it: the packaged API under target/.
        Files.createSymbolicLink(home.resolve("target"), ROOT.resolve("target"));
        Path dataDir = home.resolve(".lotastro/pgdata");

        long postmaster;
        try (RunningApi api = RunningApi.start(home, readme.startCommand(), Map.of())) {
            assertThat(api.output()).contains("starting the embedded PostgreSQL with its data in " + dataDir + " (new)");
            assertThat(api.baseUrl()).as("the address the start line names").startsWith("http://127.0.0.1:");
            postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            runTour(readme, api, home);
            shouldStopAStartOnAWrongDatabaseWithinSeconds(home, api.postgresPort());
        }
        // The API's JVM exits once its PostgreSQL has stopped; allow the system a moment to reap the process.
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().completeOnTimeout(p, 15, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive))
                .as("the embedded PostgreSQL stops with the API").isEmpty();

        try (RunningApi api = RunningApi.start(home, readme.startCommand(), Map.of())) {
            assertThat(api.output()).doesNotContain("(new)");
            HttpResponse<String> lots = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/lots"))
                    .header("Authorization", "Bearer " + readme.tourKey()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(lots.body()).as("data kept across restarts").contains("\"lot_number\":\"L-2026-0042\"");
        }

        Process reset = new ProcessBuilder("bash", "-c", readme.startOverCommand()).directory(home.toFile()).inheritIO().start();
        assertThat(reset.waitFor(60, TimeUnit.SECONDS) && reset.exitValue() == 0).as(readme.startOverCommand()).isTrue();
        try (RunningApi api = RunningApi.start(home, readme.startCommand(), Map.of())) {
            assertThat(api.output()).contains("(new)");
            runTour(readme, api, home);
        }
    }

    private static void runTour(Readme readme, RunningApi api, Path home) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("shopt -s expand_aliases\n");
        List<Readme.Block> blocks = readme.tour();
        for (int i = 0; i < blocks.size(); i++) {
            script.append("echo '@@@ ").append(i).append("'\n")
                    .append(blocks.get(i).code().replace("http://localhost:8080", api.baseUrl().replace("127.0.0.1", "localhost")))
                    .append('\n');
        }
        Path file = home.resolve("tour.sh");
        Files.writeString(file, script);
        Process bash = new ProcessBuilder("bash", file.toString()).directory(home.toFile())
                .redirectError(home.resolve("tour.err").toFile()).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(5, TimeUnit.MINUTES)).as("the tour finishes").isTrue();
        String err = Files.readString(home.resolve("tour.err"));

        List<String> problems = new ArrayList<>();
        String[] parts = out.split("(?m)^@@@ \\d+\\n", -1);
        if (parts.length != blocks.size() + 1) {
            fail("the tour stopped early (" + (parts.length - 1) + " of " + blocks.size() + " blocks ran)\nstdout:\n" + out + "\nstderr:\n" + err);
        }
        for (int i = 0; i < blocks.size(); i++) {
            String actual = parts[i + 1].strip();
            String expected = blocks.get(i).prints().strip();
            if (!sameOutput(expected, actual)) {
                problems.add("block " + (i + 1) + " (" + blocks.get(i).code().lines().findFirst().orElse("") + ")\n  README prints:\n"
                        + indent(expected) + "\n  it printed:\n" + indent(actual));
            }
        }
        assertThat(problems).as("tour blocks whose output differs from the README (stderr:\n" + err + ")").isEmpty();
    }

    /**
     * Line by line, exactly; a line of JSON may differ only in how a number is written (jq 1.6 prints the API's
     * {@code 52.50} as {@code 52.5}, jq 1.7 and later keep {@code 52.50}), never in its value.
     */
    static boolean sameOutput(String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        if (want.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            String a = want.get(i).strip();
            String b = got.get(i).strip();
            if (!a.equals(b) && !sameJson(a, b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameJson(String a, String b) {
        try {
            JsonNode left = JSON.readTree(a);
            JsonNode right = JSON.readTree(b);
            return left != null && right != null && left.equals(NUMBERS_BY_VALUE, right);
        } catch (IOException e) {
            return false;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (x, y) -> {
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue());
        }
        return x.equals(y) ? 0 : 1;
    };

    private static void shouldStopAStartOnAWrongDatabaseWithinSeconds(Path home, int postgresPort) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/no_such_database";
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", "target/quarkus-app/quarkus-run.jar")
                .directory(home.toFile()).redirectErrorStream(true);
        RunningApi.cleanEnvironment(builder.environment());
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", url);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(freePort()));
        long started = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("database \"no_such_database\" does not exist")
                .contains("QUARKUS_DATASOURCE_JDBC_URL = " + url)
                .doesNotContain("\tat ");
        assertThat(output.lines().count()).as(output).isLessThan(12);
        assertThat(took).as("a wrong database stops the start quickly").isLessThan(Duration.ofSeconds(60));
    }

    private static void requireTools() throws InterruptedException, IOException {
        List<String> missing = new ArrayList<>();
        for (String tool : TOOLS) {
            Process which = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
            if (!which.waitFor(10, TimeUnit.SECONDS) || which.exitValue() != 0) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            fail("The README tour check needs " + String.join(", ", missing) + ", which this machine lacks. Install "
                    + (missing.size() == 1 ? "it" : "them") + " (Debian/Ubuntu: apt-get install " + String.join(" ", missing)
                    + "; macOS: brew install " + String.join(" ", missing) + ") and run the tests again.");
        }
    }

    private static String indent(String text) {
        return text.isEmpty() ? "    (nothing)" : text.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The packaged API started with the README's command, in a directory of its own, on a free port. */
    record RunningApi(Process process, StringBuffer log, String baseUrl, int postgresPort) implements AutoCloseable {

        static RunningApi start(Path home, String command, Map<String, String> extraEnvironment) throws Exception {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", "exec env " + command)
                    .directory(home.toFile()).redirectErrorStream(true);
            cleanEnvironment(builder.environment());
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(freePort()));
            builder.environment().putAll(extraEnvironment);
            Process process = builder.start();
            StringBuffer log = new StringBuffer();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    lines.lines().forEach(line -> log.append(line).append('\n'));
                } catch (IOException e) {
                    // the process ended
                }
            }, "api-output");
            reader.setDaemon(true);
            reader.start();
            try {
                // Until it names its port and its embedded database, or stops: a stopped API fails at once.
                org.awaitility.Awaitility.await().atMost(START_TIMEOUT).pollInterval(java.time.Duration.ofMillis(200))
                        .until(() -> !process.isAlive() || (LISTENING.matcher(log).find() && EMBEDDED.matcher(log).find()));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                process.destroyForcibly();
                return fail("The API did not start within " + START_TIMEOUT + ":\n" + log);
            }
            if (!process.isAlive()) {
                fail("The API stopped while starting:\n" + log);
            }
            Matcher listening = LISTENING.matcher(log);
            Matcher embedded = EMBEDDED.matcher(log);
            listening.find();
            embedded.find();
            return new RunningApi(process, log, listening.group(1), Integer.parseInt(embedded.group(1)));
        }

        /** What the README's reader has: none of this machine's database, mail or API settings. */
        static void cleanEnvironment(Map<String, String> environment) {
            environment.keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("LOTASTRO_")
                    || name.startsWith("_TEST_") || name.startsWith("_DEV_"));
        }

        String output() {
            return log.toString();
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            boolean stopped = process.waitFor(2, TimeUnit.MINUTES);
            if (!stopped) {
                process.destroyForcibly();
            }
            // What the API printed, for whoever reads a failure.
            Files.writeString(ROOT.resolve("target/readme-tour-api.log"), log + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            assertThat(stopped).as("the API stops within 2 minutes:\n" + log).isTrue();
        }
    }

    /** The parts of the README this check follows. */
    record Readme(String text) {
        record Block(String code, String prints) {
        }

        static Readme read(Path file) throws IOException {
            return new Readme(Files.readString(file));
        }

        String section(String heading) {
            int start = text.indexOf("\n## " + heading + "\n");
            assertThat(start).as("README section " + heading).isNotNegative();
            int end = text.indexOf("\n## ", start + 1);
            return text.substring(start, end < 0 ? text.length() : end);
        }

        /** Command 1 without its build step: what starts the API once it is packaged. */
        String startCommand() {
            String setUp = section("Set up");
            Matcher command = Pattern.compile("```bash\\n\\s*(.*?)\\n\\s*```", Pattern.DOTALL).matcher(setUp);
            assertThat(command.find()).as("command 1 in the README").isTrue();
            String line = command.group(1).trim();
            assertThat(line).contains(" && ");
            return line.substring(line.indexOf(" && ") + 4);
        }

        String startOverCommand() {
            Matcher command = Pattern.compile("To start over, [^`]*`([^`]+)`").matcher(section("API tour"));
            assertThat(command.find()).as("the README says how to start over").isTrue();
            return command.group(1);
        }

        String tourKey() {
            Matcher key = Pattern.compile("KEY=(\\S+)").matcher(section("API tour"));
            assertThat(key.find()).isTrue();
            return key.group(1);
        }

        List<Block> tour() {
            List<String> lines = section("API tour").lines().toList();
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).equals("```bash")) {
                    continue;
                }
                StringBuilder code = new StringBuilder();
                for (i++; !lines.get(i).equals("```"); i++) {
                    code.append(lines.get(i)).append('\n');
                }
                int next = i + 1;
                while (next < lines.size() && lines.get(next).isBlank()) {
                    next++;
                }
                StringBuilder prints = new StringBuilder();
                if (next < lines.size() && lines.get(next).equals("prints")) {
                    int open = next + 1;
                    while (lines.get(open).isBlank()) {
                        open++;
                    }
                    assertThat(lines.get(open)).as("a prints block opens with ```").isEqualTo("```");
                    for (i = open + 1; !lines.get(i).equals("```"); i++) {
                        prints.append(lines.get(i)).append('\n');
                    }
                }
                blocks.add(new Block(code.toString(), prints.toString()));
            }
            assertThat(blocks).as("bash blocks in the README tour").isNotEmpty();
            return blocks;
        }
    }
}
