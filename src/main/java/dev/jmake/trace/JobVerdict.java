package dev.jmake.trace;

import java.util.List;

/**
 * The verifier's judgement of one job: what it declared, what it did, and the findings.
 *
 * @param job the job token
 * @param declared the job's declaration
 * @param effects its net effects on the project tree
 * @param findings every finding, warnings and recorded observations alike, in a stable order
 */
public record JobVerdict(String job, DeclaredJob declared, JobEffects effects, List<Finding> findings) {
    public JobVerdict {
        findings = List.copyOf(findings);
    }

    /** True if no finding is a warning: the job did what its rule says, and all of it was seen. */
    public boolean clean() {
        return findings.stream().noneMatch(Finding::warning);
    }

    /** The findings that are warnings. */
    public List<Finding> warnings() {
        return findings.stream().filter(Finding::warning).toList();
    }
}
