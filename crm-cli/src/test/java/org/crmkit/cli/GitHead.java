package org.crmkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** What git itself says the checked-out commit is: the oracle for the commit in {@code crm --version}. */
final class GitHead {
    private GitHead() {
    }

    /**
     * @return {@code commit} and the first 12 digits of the latest commit that is not a merge (what
     *     the build's buildnumber-maven-plugin asks git for), or {@code unknown commit} where git
     *     cannot tell (a source tree without .git, no git installed), as the build then says
     */
    static String commitOrUnknown() throws InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "log", "-1", "--no-merges", "--format=%H").redirectErrorStream(false)
                    .start();
            String full = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String out = full.length() >= 12 ? full.substring(0, 12) : full;
            boolean done = git.waitFor(30, TimeUnit.SECONDS);
            return done && git.exitValue() == 0 && out.matches("[0-9a-f]{12}") ? "commit " + out : "unknown commit";
        } catch (IOException e) {
            return "unknown commit";
        }
    }
}
