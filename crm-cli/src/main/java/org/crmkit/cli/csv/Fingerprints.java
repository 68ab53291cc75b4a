package org.crmkit.cli.csv;

/** Where the rows of a file register their ids' fingerprints, to find duplicate ids. */
interface Fingerprints {
    /**
     * Registers an id by its fingerprint.
     *
     * @param hash the fingerprint ({@link FastValues#hash}), never 0
     * @param line the row's line
     * @return -1 for an id not seen before (as far as this set tells), else the suspect's number
     */
    int register(long hash, int line);

    /**
     * Reads the slot where registering this hash starts, so that the memory load is under way
     * before {@link #register} needs it.
     *
     * @return what the slot holds, to be ignored
     */
    long touch(long hash);
}
