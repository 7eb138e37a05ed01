package com.lotastro.shared.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one job run did: counts by name, and an error when the run (or part of it) failed. */
public record JobSummary(Map<String, Long> counts, String error) {

    public static JobSummary succeeded(Map<String, Long> counts) {
        return new JobSummary(new LinkedHashMap<>(counts), null);
    }

    public static JobSummary failed(Map<String, Long> counts, String error) {
        return new JobSummary(new LinkedHashMap<>(counts), error);
    }

    public boolean isFailed() {
        return error != null;
    }
}
