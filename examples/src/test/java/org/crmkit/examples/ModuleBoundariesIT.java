package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crmkit's library jars as named modules, on a module path of the packaged jars and the run-time
 * dependencies Maven resolved for them ({@code target/runtime-classpath.txt} of crm-rules and
 * crm-jdbc-adapter): each exports exactly its API packages, an application cannot compile against
 * an internal package, and an application module loads the standard policy, the policy schema and
 * Jollyday's holidays, migrates an H2 database with Flyway and tiers a customer in it. Runs in
 * {@code mvn verify}, after {@code package} of the whole reactor.
 */
class ModuleBoundariesIT {
    private static final Path ROOT = Path.of(System.getProperty("crmkit.root.dir", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("crmkit.version", "0.1.0-SNAPSHOT");
    private static final Path PROGRAM = ROOT.resolve("examples/src/test/module-program");
    private static final long TIMEOUT_SECONDS = 120;

    /** Every package each crmkit module exports, to everyone; listed so that an accidental export fails. */
    private static final Map<String, Set<String>> API = Map.of(
            "org.crmkit.core", Set.of("org.crmkit.core", "org.crmkit.core.calendar", "org.crmkit.core.event",
                    "org.crmkit.core.facts", "org.crmkit.core.memory", "org.crmkit.core.metrics",
                    "org.crmkit.core.model", "org.crmkit.core.port"),
            "org.crmkit.rules", Set.of("org.crmkit.rules", "org.crmkit.rules.cadence", "org.crmkit.rules.calendar",
                    "org.crmkit.rules.clv", "org.crmkit.rules.condition", "org.crmkit.rules.io", "org.crmkit.rules.io.clv",
                    "org.crmkit.rules.lifecycle",
                    "org.crmkit.rules.policy", "org.crmkit.rules.relationship", "org.crmkit.rules.segment",
                    "org.crmkit.rules.sla", "org.crmkit.rules.tiering"),
            "org.crmkit.jdbc", Set.of("org.crmkit.jdbc", "org.crmkit.jdbc.mapping", "org.crmkit.jdbc.job"));

    /** The packages each module keeps to itself; they exist, and are not exported. */
    private static final Map<String, Set<String>> INTERNAL = Map.of(
            "org.crmkit.core", Set.of("org.crmkit.core.internal"),
            "org.crmkit.rules", Set.of("org.crmkit.rules.internal", "org.crmkit.rules.internal.section",
                    "org.crmkit.rules.schema"),
            "org.crmkit.jdbc", Set.of("org.crmkit.jdbc.migration"));

    @TempDir
    Path dir;

    /** The packaged crmkit jars first, then their dependencies, each once. */
    private static List<Path> modulePath() throws IOException {
        Set<Path> paths = new LinkedHashSet<>();
        for (String module : List.of("crm-core", "crm-rules", "crm-jdbc-adapter")) {
            Path jar = ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
            assertThat(jar).as("the packaged %s; build the whole reactor (mvn verify)", module).isRegularFile();
            paths.add(jar);
        }
        for (String module : List.of("crm-rules", "crm-jdbc-adapter")) {
            Path list = ROOT.resolve(module).resolve("target/runtime-classpath.txt");
            assertThat(list).as("%s's dependencies, written at package", module).isRegularFile();
            for (String entry : Files.readString(list, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
                Path path = Path.of(entry).toAbsolutePath().normalize();
                // The reactor's own modules are already there as their packaged jars.
                if (!path.startsWith(ROOT)) {
                    paths.add(path);
                }
            }
        }
        return List.copyOf(paths);
    }

    private static Configuration resolve(List<Path> modulePath) {
        return ModuleLayer.boot().configuration().resolveAndBind(ModuleFinder.of(modulePath.toArray(Path[]::new)),
                ModuleFinder.of(), API.keySet());
    }

    @Test
    void eachCrmkitModuleExportsExactlyItsApiPackages() throws IOException {
        Configuration configuration = resolve(modulePath());

        for (String name : API.keySet()) {
            ModuleDescriptor module = configuration.findModule(name).map(ResolvedModule::reference)
                    .orElseThrow(() -> new AssertionError(name + " is not resolved")).descriptor();
            assertThat(module.isAutomatic()).as("%s is automatic", name).isFalse();
            assertThat(module.exports()).as("qualified exports of %s", name).noneMatch(ModuleDescriptor.Exports::isQualified);
            assertThat(module.exports().stream().map(ModuleDescriptor.Exports::source))
                    .as("packages %s exports", name).containsExactlyInAnyOrderElementsOf(API.get(name));
            assertThat(module.packages()).as("packages of %s", name).containsAll(INTERNAL.get(name));
        }
    }

    @Test
    void onlyTheResourcePackagesAreOpenAndToEveryone() throws IOException {
        Configuration configuration = resolve(modulePath());

        Map<String, Set<String>> opens = API.keySet().stream().collect(Collectors.toMap(name -> name,
                name -> configuration.findModule(name).orElseThrow().reference().descriptor().opens().stream()
                        .peek(open -> assertThat(open.isQualified()).as("%s opens %s to some", name, open).isFalse())
                        .map(ModuleDescriptor.Opens::source).collect(Collectors.toSet())));

        // The policy schema, for tools; the migration scripts, which Flyway lists and reads.
        assertThat(opens).isEqualTo(Map.of("org.crmkit.core", Set.of(), "org.crmkit.rules", Set.of("org.crmkit.rules.schema"),
                "org.crmkit.jdbc", Set.of("org.crmkit.jdbc.migration")));
    }

    @Test
    void anApplicationModuleCannotCompileAgainstAnInternalPackage() throws IOException {
        Path source = dir.resolve("src/org.crmkit.peek");
        Files.createDirectories(source.resolve("peek"));
        Files.writeString(source.resolve("module-info.java"), "module org.crmkit.peek { requires org.crmkit.rules; }\n");
        Files.writeString(source.resolve("peek/Peek.java"), """
                package peek;

                public class Peek {
                    Object sections = org.crmkit.rules.internal.PolicySections.ALL;
                }
                """);

        Compilation compilation = compile(dir.resolve("src"), "org.crmkit.peek", dir.resolve("peek-classes"));

        assertThat(compilation.succeeded()).as("compiled against org.crmkit.rules.internal").isFalse();
        assertThat(compilation.output()).contains("package org.crmkit.rules.internal is declared in module"
                + " org.crmkit.rules, which does not export it");
    }

    @Test
    void anApplicationModuleLoadsThePolicyMigratesH2AndTiersACustomer() throws Exception {
        Path classes = dir.resolve("classes");
        Compilation compilation = compile(PROGRAM, "org.crmkit.moduletest", classes);
        assertThat(compilation.succeeded()).as("compiling the module program: %s", compilation.output()).isTrue();

        List<String> path = new ArrayList<>(List.of(classes.resolve("org.crmkit.moduletest").toString()));
        modulePath().forEach(jar -> path.add(jar.toString()));
        // Jollyday is an optional dependency of crm-rules (requires static): the application adds it.
        // Jollyday 2.19's core reflects on a class its XML module does not export to it: the export
        // is Jollyday's to declare, so an application adds it, as the module descriptor says.
        ProcessRun run = ProcessRun.of(List.of(ProcessRun.JAVA, "--module-path", String.join(File.pathSeparator, path),
                "--add-modules", "de.focus_shift.jollyday.core",
                "--add-exports", "de.focus_shift.jollyday.jaxb/de.focus_shift.jollyday.jaxb=de.focus_shift.jollyday.core",
                "--module", "org.crmkit.moduletest/org.crmkit.moduletest.Main"), dir, TIMEOUT_SECONDS);

        assertThat(run.status()).as("exit status; standard error: %s", run.err()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "module: org.crmkit.moduletest, crmkit: org.crmkit.rules, org.crmkit.jdbc",
                "standard policy: standard@2026.1",
                "policy schema: read",
                "jollyday: 2026-10-03 is a holiday: true",
                "tier: important, stored: true, events: 1");
    }

    /**
     * What compiling did.
     *
     * @param succeeded whether it compiled
     * @param output the compiler's messages
     */
    private record Compilation(boolean succeeded, String output) {
    }

    private Compilation compile(Path sourceRoot, String module, Path output) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> sources;
        try (Stream<Path> files = Files.walk(sourceRoot.resolve(module))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).toList();
        }
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-d", output.toString(),
                // Not the test's class path, which holds crmkit's classes in the unnamed module.
                "--class-path", Files.createDirectories(dir.resolve("empty")).toString(),
                "--module-source-path", sourceRoot.toString(), "--module", module,
                "--module-path", modulePath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
        StringWriter messages = new StringWriter();
        boolean succeeded = compiler.getTask(messages, null, null, arguments, null, null).call();
        return new Compilation(succeeded, messages.toString());
    }
}
