package dev.jmake.trace;

import java.nio.file.Path;
import java.util.List;

/**
 * The verifier's judgement of one job: what it declared, what it did, and the findings.
 *
 * @param job the job token
 * @param declared the job's declaration
 * @param effects its net effects on the project tree
 * @param findings every finding, warnings and recorded observations alike, in a stable order
 * @param undeclaredOutputs the absolute paths of the files it wrote that no rule declares (what
 *     {@code --trace=error} deletes); never another rule's target
 */
public record JobVerdict(String job, DeclaredJob declared, JobEffects effects, List<Finding> findings,
                         List<Path> undeclaredOutputs) {
    public JobVerdict {
        findings = List.copyOf(findings);
        undeclaredOutputs = List.copyOf(undeclaredOutputs);
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
