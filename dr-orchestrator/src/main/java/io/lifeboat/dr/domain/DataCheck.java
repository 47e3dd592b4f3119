package io.lifeboat.dr.domain;

import io.lifeboat.events.Require;

/**
 * The outcome of one data check against a restored instance, e.g. table count or row counts of key tables.
 *
 * @param name name of the check
 * @param passed whether the check passed
 * @param detail what was found, e.g. {@code 12 tables, at least 10 expected}
 */
public record DataCheck(String name, boolean passed, String detail) {

    /**
     * Validates the name.
     */
    public DataCheck {
        Require.nonBlank(name, "DataCheck.name");
    }
}
