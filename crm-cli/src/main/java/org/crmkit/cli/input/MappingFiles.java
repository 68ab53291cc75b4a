package org.crmkit.cli.input;

import java.nio.charset.StandardCharsets;
import org.crmkit.jdbc.mapping.ErpMapping;

/**
 * Reads the ERP mapping that {@code --mapping} names: a file, as {@link ErpMapping#read} reads it,
 * or standard input, read as YAML under the name {@value StandardInput#NAME}.
 */
public final class MappingFiles {
    private MappingFiles() {
    }

    /**
     * Reads and validates a mapping (not yet against a database).
     *
     * @param file the file or standard input; not null
     * @return the mapping
     * @throws org.crmkit.jdbc.mapping.MappingException naming every problem, with file and line, or a
     *     file that cannot be read
     */
    public static ErpMapping read(FileArgument file) {
        if (file.isStandardInput()) {
            return ErpMapping.parse(new String(file.standardInput().bytes(), StandardCharsets.UTF_8),
                    StandardInput.NAME);
        }
        return ErpMapping.read(file.path().orElseThrow());
    }
}
