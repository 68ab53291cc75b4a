package org.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command example of the README and the guides in {@code docs/} runs, and prints what the
 * page shows: so that no example can drift from the command. An example is a fenced {@code sh}
 * block after the marker {@code <!-- crm-example -->}, with shell variables ({@code f=dir}) and one
 * {@code ./crm} command run from the repository root; the fenced blocks after
 * {@code <!-- crm-example: stdout -->}, {@code stderr} or {@code ics} are what it prints there.
 * In a shown output, a line {@code ...} stands for any number of lines and {@code ...} within a line
 * for any text. Also: every option of every command is in the synopsis of {@code docs/cli.md};
 * every file in {@code samples/} is read by an example, every command that reads files has an
 * example on them, and their CSV files have the columns of the guide's input files.
 */
class CliGuideTest {
    private static final Path ROOT = Path.of(System.getProperty("crmkit.root.dir", "..")).toAbsolutePath().normalize();
    private static final String EXAMPLE = "<!-- crm-example -->";
    /** The sample files, from the repository root: every one is read by a documented example. */
    private static final String SAMPLES = "samples";
    private static final Pattern OUTPUT = Pattern.compile("<!-- crm-example: (stdout|stderr|ics) -->");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    /** A shown output of an example: which stream and the lines shown. */
    private record Shown(String stream, List<String> lines) {
    }

    /** A documented example: where, the command's arguments, what it is shown to print. */
    private record Example(String where, List<String> args, List<Shown> outputs) {
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedExamplePrintsWhatThePageShows() {
        List<Example> examples = documents().stream().flatMap(doc -> examples(doc).stream()).toList();
        assertThat(examples).as("examples in README.md and docs/").hasSizeGreaterThanOrEqualTo(14);
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.where(), () -> {
            CrmRun run = CrmRun.of(example.args().stream().map(CliGuideTest::absolute).toArray(String[]::new));

            assertThat(run.status()).as("%s exit status; standard error: %s", example.where(), run.err()).isZero();
            assertThat(example.outputs()).as("%s shows what the command prints", example.where()).isNotEmpty();
            for (Shown shown : example.outputs()) {
                String printed = relative(shown.stream().equals("stderr") ? run.err() : run.out());
                List<String> lines = List.of(printed.split("\r?\n", -1));
                if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                    lines = lines.subList(0, lines.size() - 1);
                }
                assertThat(matches(shown.lines(), lines))
                        .as("%s %s shows%n%s%nbut the command printed%n%s", example.where(), shown.stream(),
                                String.join("\n", shown.lines()), printed)
                        .isTrue();
            }
        }));
    }

    @Test
    void everyCrmCommandInTheDocsIsACheckedExampleOrTheSynopsis() {
        for (Path doc : documents()) {
            List<String> lines = lines(doc);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals("```sh")) {
                    continue;
                }
                int end = closing(lines, i);
                List<String> block = lines.subList(i + 1, end);
                boolean runsCrm = block.stream().anyMatch(line -> line.strip().startsWith("./crm "));
                boolean synopsis = block.stream().anyMatch(line -> line.contains("[--"));
                boolean marked = i > 0 && lines.get(i - 1).strip().equals(EXAMPLE);
                assertThat(!runsCrm || synopsis || marked)
                        .as("%s:%d: a crm command not marked %s", ROOT.relativize(doc), i + 1, EXAMPLE).isTrue();
                i = end;
            }
        }
    }

    @Test
    void everyJsonBlockInTheDocsIsACheckedOutput() {
        for (Path doc : documents()) {
            List<String> lines = lines(doc);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().equals("```json")) {
                    assertThat(i > 0 && OUTPUT.matcher(lines.get(i - 1).strip()).matches())
                            .as("%s:%d: JSON not marked as a command's output", ROOT.relativize(doc), i + 1).isTrue();
                }
            }
        }
    }

    @Test
    void theSynopsisNamesEveryOptionOfEveryCommand() {
        String cli = read(ROOT.resolve("docs/cli.md"));
        int synopsis = cli.indexOf("## Synopsis");
        int block = cli.indexOf("```sh\n", synopsis) + "```sh\n".length();
        List<String> lines = List.of(cli.substring(block, cli.indexOf("```", block)).replace("\\\n", " ").split("\n"));

        Set<String> missing = new LinkedHashSet<>();
        check(Crm.commandLine(CrmRun.CLOCK).getCommandSpec(), lines, missing);

        assertThat(missing).as("options of crm missing from the synopsis of docs/cli.md").isEmpty();
    }

    @Test
    void everySampleFileIsReadByADocumentedExample() {
        List<Example> examples = documents().stream().flatMap(doc -> examples(doc).stream()).toList();
        List<String> samples = sampleFiles().stream().map(file -> SAMPLES + "/" + file.getFileName()).toList();

        assertThat(samples).as("files in %s", SAMPLES).isNotEmpty();
        for (String sample : samples) {
            assertThat(examples).as("documented examples reading %s", sample)
                    .anyMatch(example -> example.args().contains(sample));
        }
    }

    @Test
    void everyCommandThatReadsFilesHasADocumentedExampleOnTheSamples() {
        List<Example> examples = documents().stream().flatMap(doc -> examples(doc).stream()).toList();
        Set<String> onSamples = new LinkedHashSet<>();
        for (Example example : examples) {
            if (example.args().stream().anyMatch(arg -> arg.startsWith(SAMPLES + "/"))) {
                onSamples.add(commandOf(example.args()));
            }
        }
        List<String> readingFiles = new ArrayList<>();
        commands(Crm.commandLine(CrmRun.CLOCK).getCommandSpec(), readingFiles);

        assertThat(readingFiles).as("commands with a FILE option").contains("crm tier", "crm sla review",
                "crm agenda unscheduled", "crm clv fit", "crm policy show").doesNotContain("crm generate-completion");
        assertThat(onSamples).as("commands with a documented example on %s", SAMPLES).containsAll(readingFiles);
    }

    @Test
    void everySampleCsvFileHasTheColumnsOfTheInputFilesOfTheGuide() {
        Map<String, List<Set<String>>> contract = inputFiles();
        List<Path> csvFiles = sampleFiles().stream().filter(file -> file.toString().endsWith(".csv")).toList();

        assertThat(contract).as("the input files table of docs/cli.md").containsKeys("customers.csv", "orders.csv",
                "interactions.csv", "complaints.csv", "complaint_events.csv", "surveys.csv");
        assertThat(csvFiles).extracting(file -> file.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(contract.keySet());
        for (Path file : csvFiles) {
            String name = file.getFileName().toString();
            List<String> header = List.of(lines(file).get(0).replace("\uFEFF", "").split(",", -1));
            Set<String> required = contract.get(name).get(0);
            Set<String> optional = contract.get(name).get(1);
            Set<String> all = new LinkedHashSet<>(required);
            all.addAll(optional);

            assertThat(header).as("%s: the required columns", name).containsAll(required);
            // The guide says that the sample files show every column.
            assertThat(header).as("%s: the optional columns", name).containsAll(optional);
            assertThat(header).as("%s: columns of the guide only", name).doesNotHaveDuplicates().isSubsetOf(all);
        }
    }

    /** The commands below {@code command} with an option that takes a file to read. */
    private static void commands(CommandSpec command, List<String> readingFiles) {
        boolean readsFiles = command.options().stream()
                .anyMatch(option -> "FILE".equals(option.paramLabel()) && !option.longestName().equals("--output"));
        if (readsFiles) {
            readingFiles.add(command.qualifiedName());
        }
        command.subcommands().values().forEach(sub -> commands(sub.getCommandSpec(), readingFiles));
    }

    /** The qualified name of the command that arguments call, e.g. {@code crm agenda overdue}. */
    private static String commandOf(List<String> args) {
        CommandSpec command = Crm.commandLine(CrmRun.CLOCK).getCommandSpec();
        for (String arg : args) {
            CommandLine sub = command.subcommands().get(arg);
            if (sub == null) {
                break;
            }
            command = sub.getCommandSpec();
        }
        return command.qualifiedName();
    }

    /**
     * The table of input files of docs/cli.md: per file its required and its optional columns, the
     * names in backquotes outside parentheses (those inside give example values).
     */
    private static Map<String, List<Set<String>>> inputFiles() {
        List<String> cli = lines(ROOT.resolve("docs/cli.md"));
        int header = cli.indexOf("| file | required columns | optional columns |");
        assertThat(header).as("the input files table of docs/cli.md").isNotNegative();
        Map<String, List<Set<String>>> files = new LinkedHashMap<>();
        for (int i = header + 2; i < cli.size() && cli.get(i).startsWith("|"); i++) {
            String[] cells = cli.get(i).split("\\|");
            files.put(cells[1].strip(), List.of(columns(cells[2]), columns(cells[3])));
        }
        return files;
    }

    private static Set<String> columns(String cell) {
        Matcher name = Pattern.compile("`([^`]+)`").matcher(cell.replaceAll("\\([^)]*\\)", ""));
        Set<String> columns = new LinkedHashSet<>();
        while (name.find()) {
            columns.add(name.group(1));
        }
        return columns;
    }

    private static List<Path> sampleFiles() {
        try (Stream<Path> files = Files.list(ROOT.resolve(SAMPLES))) {
            return files.filter(file -> !file.getFileName().toString().equals("README.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(CommandSpec command, List<String> synopsis, Set<String> missing) {
        String name = command.qualifiedName();
        String usage = usage(command, synopsis);
        for (OptionSpec option : command.options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            if (!usage.contains(option.longestName())) {
                missing.add(name + " " + option.longestName());
            }
        }
        command.subcommands().values().forEach(sub -> check(sub.getCommandSpec(), synopsis, missing));
    }

    /** The synopsis lines of a command; "the same options" refers to the parent's line. */
    private static String usage(CommandSpec command, List<String> synopsis) {
        String prefix = "./" + command.qualifiedName() + " ";
        StringBuilder usage = new StringBuilder();
        for (String line : synopsis) {
            String words = line.strip().replaceAll("\\s+", " ");
            String rest = words.startsWith(prefix) ? words.substring(prefix.length()) : null;
            boolean ownLine = rest != null && command.subcommands().keySet().stream()
                    .noneMatch(sub -> rest.startsWith(sub + " ") || rest.equals(sub));
            if (ownLine) {
                usage.append(words).append('\n');
                if (words.contains("the same options") && command.parent() != null) {
                    usage.append(usage(command.parent(), synopsis));
                }
            }
        }
        return usage.toString();
    }

    /** Whether the shown lines match the printed ones: "..." lines for any lines, "..." for any text. */
    static boolean matches(List<String> shown, List<String> printed) {
        boolean[][] match = new boolean[shown.size() + 1][printed.size() + 1];
        match[shown.size()][printed.size()] = true;
        for (int i = shown.size() - 1; i >= 0; i--) {
            boolean anyLines = shown.get(i).strip().equals("...");
            Pattern line = anyLines ? null : glob(shown.get(i));
            for (int j = printed.size(); j >= 0; j--) {
                match[i][j] = anyLines
                        ? match[i + 1][j] || (j < printed.size() && match[i][j + 1])
                        : j < printed.size() && line.matcher(printed.get(j)).matches() && match[i + 1][j + 1];
            }
        }
        return match[0][0];
    }

    private static Pattern glob(String line) {
        StringBuilder regex = new StringBuilder();
        int from = 0;
        for (int at = line.indexOf("..."); at >= 0; at = line.indexOf("...", from)) {
            regex.append(Pattern.quote(line.substring(from, at))).append(".*");
            from = at + 3;
        }
        return Pattern.compile(regex.append(Pattern.quote(line.substring(from))).toString());
    }

    private static List<Example> examples(Path doc) {
        List<String> lines = lines(doc);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher output = OUTPUT.matcher(line);
            if (line.equals(EXAMPLE)) {
                int end = closing(lines, i + 1);
                String where = ROOT.relativize(doc) + ":" + (i + 1);
                examples.add(new Example(where, command(where, content(lines, i + 1, end)), new ArrayList<>()));
                i = end;
            } else if (output.matches()) {
                assertThat(examples).as("%s:%d: an output before any example", doc, i + 1).isNotEmpty();
                int end = closing(lines, i + 1);
                examples.get(examples.size() - 1).outputs().add(new Shown(output.group(1), content(lines, i + 1, end)));
                i = end;
            }
        }
        return examples;
    }

    /** The arguments of the one {@code ./crm} command of a block, its variables expanded. */
    private static List<String> command(String where, List<String> block) {
        Map<String, String> variables = new HashMap<>();
        List<String> args = null;
        for (String line : String.join("\n", block).replace("\\\n", " ").split("\n")) {
            String text = line.strip();
            Matcher assignment = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\\S+)").matcher(text);
            if (assignment.matches()) {
                variables.put(assignment.group(1), assignment.group(2));
            } else if (text.startsWith("./crm ") && args == null) {
                args = new ArrayList<>();
                for (String word : text.substring("./crm ".length()).split("\\s+")) {
                    if (word.equals(">")) {
                        break;
                    }
                    args.add(VARIABLE.matcher(word).replaceAll(variable -> Matcher.quoteReplacement(
                            variables.getOrDefault(variable.group(1), "$" + variable.group(1)))));
                }
            } else {
                throw new AssertionError(where + ": not a variable or a crm command: " + text);
            }
        }
        assertThat(args).as("%s: a ./crm command", where).isNotNull();
        return args;
    }

    /** The lines of the fenced block opening on line {@code open}, without the fence's indentation. */
    private static List<String> content(List<String> lines, int open, int end) {
        String fence = lines.get(open);
        assertThat(fence.strip()).as("a fenced block right after the marker on line %d", open).startsWith("```");
        int indent = fence.indexOf("```");
        return lines.subList(open + 1, end).stream()
                .map(line -> line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line)
                .toList();
    }

    /** The line of the fence that closes the block opening at or after {@code from}. */
    private static int closing(List<String> lines, int from) {
        int open = from;
        while (!lines.get(open).strip().startsWith("```")) {
            open++;
        }
        int close = open + 1;
        while (!lines.get(close).strip().equals("```")) {
            close++;
        }
        return close;
    }

    /** A path into the repository, made absolute: the test runs in the module's folder. */
    private static String absolute(String arg) {
        Path path = ROOT.resolve(arg);
        return arg.contains("/") && Files.exists(path) ? path.toString() : arg;
    }

    /** The printed text with the repository's folder taken out of paths, as from the root. */
    private static String relative(String printed) {
        return printed.replace(ROOT + "/", "");
    }

    private static List<Path> documents() {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")),
                    docs.filter(doc -> doc.toString().endsWith(".md")).sorted()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path doc) {
        return read(doc).lines().toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
