package org.crmkit.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the runnable jar's manifest; a build from the IDE or tests has none. */
final class CrmVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = CrmVersion.class.getPackage().getImplementationVersion();
        return new String[] {"crm " + (version == null ? "(development build)" : version)};
    }
}
