package dev.curtain.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Time from launching a JVM to the app's first painted frame with the default lesson on the stage, headless (Monocle
 * and the software pipeline, as the tests and exports run). Each run is a fresh JVM started by this one: the clock
 * starts just before the process is started, and stops at the instant the child's {@link FirstFrameProbe} prints;
 * the child also says how much processor time it had used by then, the figure a busy machine blurs less.
 * The same is timed for a JVM that only reaches main ({@link StartupFloor}) and for JavaFX alone
 * ({@link JavaFxFloor}), in the same run, and for the app with a class-data archive of its own made first (as the
 * packaged app ships one). When {@code ./curtain package} has built the app image, its launcher is timed as well:
 * the app as installed, with its own runtime and class-data archive.
 */
public final class StartupBenchmark {
    /** Headless JavaFX, as in the pom's test properties. */
    static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Dheadless.geometry=1920x1080-32");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** One launch: wall-clock milliseconds to the first frame, and the processor time the child had used by then. */
    public record Launch(long wallMs, long cpuMs) {
    }

    /** Medians over the timed runs (wall and processor time each taken as its own median). */
    public record Result(Launch app, Launch appWithArchive, Launch jvmFloor, Launch javafxFloor, Launch image,
                         int runs) {
        /** Whether the packaged app image was there to be timed too. */
        public boolean hasImage() {
            return image != null;
        }
    }

    /** The launcher of the app image {@code ./curtain package} builds, relative to the working directory. */
    static final Path IMAGE_LAUNCHER = Path.of("target", "installer", "image", "curtain", "bin", "curtain");

    private StartupBenchmark() {
    }

    /** One untimed launch of each (the files are in the page cache after it), then {@code runs} timed ones. */
    public static Result run(int runs) {
        Path archive;
        Path prefs;
        try {
            archive = Files.createTempFile("curtain-startup", ".jsa");
            Files.delete(archive);
            prefs = guideSeenPreferences();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<String> app = app(prefs);
            List<String> withArchive = new ArrayList<>(app);
            withArchive.add(1, "-XX:SharedArchiveFile=" + archive);
            List<String> dump = new ArrayList<>(app);
            dump.add(1, "-XX:ArchiveClassesAtExit=" + archive);
            launch(dump, prefs);
            List<String> jvm = command(List.of(), StartupFloor.class.getName());
            List<String> fx = command(HEADLESS, JavaFxFloor.class.getName());
            for (List<String> c : List.of(jvm, fx, app, withArchive)) {
                launch(c, prefs);
            }
            List<List<String>> order = new ArrayList<>(List.of(jvm, fx, app, withArchive));
            boolean image = Files.isExecutable(IMAGE_LAUNCHER);
            if (image) {
                order.add(List.of(IMAGE_LAUNCHER.toAbsolutePath().toString()));
                launch(order.get(4), prefs);
            }
            Launch[][] timed = new Launch[order.size()][runs];
            for (int i = 0; i < runs; i++) {
                for (int k = 0; k < order.size(); k++) {
                    timed[k][i] = launch(order.get(k), prefs); // interleaved, so a busy spell touches every kind alike
                }
            }
            return new Result(median(timed[2]), median(timed[3]), median(timed[0]), median(timed[1]),
                    image ? median(timed[4]) : null, runs);
        } finally {
            try {
                Files.deleteIfExists(archive);
                deleteTree(prefs);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    /**
     * A user preferences folder of the children's own in which the stage guide has been seen: every launch is the
     * everyday one (the very first launch also builds and shows the guide), and none depends on, or changes, the
     * preferences of whoever runs the benchmark.
     */
    static Path guideSeenPreferences() throws IOException {
        Path root = Files.createTempDirectory("curtain-startup-prefs");
        Path node = Files.createDirectories(root.resolve(".java/.userPrefs/dev/curtain"));
        Files.writeString(node.resolve("prefs.xml"), """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">
                <map MAP_XML_VERSION="1.0">
                  <entry key="guideSeen" value="true"/>
                </map>
                """, StandardCharsets.UTF_8);
        return root;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The system property that points a child's user preferences at {@code prefs}. */
    private static String preferencesAt(Path prefs) {
        return "-Djava.util.prefs.userRoot=" + prefs;
    }

    /** The app as {@code curtain} with no arguments starts it, with the probe watching. */
    static List<String> app(Path prefs) {
        List<String> props = new ArrayList<>(HEADLESS);
        props.add(preferencesAt(prefs));
        props.add("-Djavafx.preloader=" + FirstFrameProbe.class.getName());
        return command(props, "dev.curtain.cli.Main");
    }

    private static List<String> command(List<String> props, String mainClass) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.addAll(props);
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(mainClass);
        return c;
    }

    /** Starts {@code command}, waits for the probe's line and returns the time from start to it. */
    static Launch launch(List<String> command, Path prefs) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        // headless: the app must not reach for a real display even when one is there
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        if (command.size() == 1) {
            // the packaged launcher takes no JVM options on its command line; the JVM reads them from here
            List<String> props = new ArrayList<>(HEADLESS);
            props.add(preferencesAt(prefs));
            props.add("-Djavafx.preloader=" + FirstFrameProbe.class.getName());
            pb.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", props));
        }
        try {
            Instant start = Instant.now();
            Process p = pb.start();
            CompletableFuture<String> painted = new CompletableFuture<>();
            Thread reader = new Thread(() -> painted.complete(readPainted(p)), "startup-benchmark-reader");
            reader.setDaemon(true);
            reader.start();
            String at;
            try {
                at = painted.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                at = null;
            }
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || at == null) {
                p.destroyForcibly();
            }
            if (at == null) {
                throw new IllegalStateException("startup benchmark: no first frame "
                        + (p.isAlive() ? "within " + TIMEOUT.toSeconds() + " s" : "(exit code " + p.exitValue() + ")")
                        + " from " + String.join(" ", command));
            }
            String[] parts = at.trim().split(" ");
            return new Launch(Duration.between(start, Instant.parse(parts[0])).toMillis(), Long.parseLong(parts[2]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What follows the probe's prefix on its line, or null when the child ends without one. */
    private static String readPainted(Process p) {
        String at = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(FirstFrameProbe.PAINTED)) {
                    at = line.substring(FirstFrameProbe.PAINTED.length());
                }
            }
        } catch (IOException e) {
            return at;
        }
        return at;
    }

    private static Launch median(Launch[] xs) {
        long[] wall = Arrays.stream(xs).mapToLong(Launch::wallMs).sorted().toArray();
        long[] cpu = Arrays.stream(xs).mapToLong(Launch::cpuMs).sorted().toArray();
        return new Launch(wall[wall.length / 2], cpu[cpu.length / 2]);
    }
}
