package org.crmkit.cli;

import java.util.Optional;
import org.crmkit.cli.input.FileArgument;
import org.crmkit.cli.input.PolicyFiles;
import org.crmkit.rules.Policy;
import org.crmkit.rules.PolicyLoader;
import picocli.CommandLine.Option;

/** {@code --policy FILE}, shared by the commands that apply or check a policy. */
final class PolicyOption {
    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file, YAML or JSON (.json). Default: the built-in standard policy"
                    + " (see 'crm policy show').")
    Optional<FileArgument> file = Optional.empty();

    /**
     * Loads and validates the policy.
     *
     * @return the policy
     * @throws org.crmkit.rules.policy.PolicyValidationException if it is missing or invalid
     */
    Policy load() {
        return file.map(PolicyFiles::load).orElseGet(PolicyLoader::standard);
    }
}
