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
 * @param ofEarlierJobs the findings among {@code findings} about jobs that finished before this one, seen only now
 *     (a listing this job's writes raced with): reported with this verdict, not held against this job
 */
public record JobVerdict(String job, DeclaredJob declared, JobEffects effects, List<Finding> findings,
                         List<Path> undeclaredOutputs, List<Finding> ofEarlierJobs) {
    public JobVerdict {
        findings = List.copyOf(findings);
        undeclaredOutputs = List.copyOf(undeclaredOutputs);
        ofEarlierJobs = List.copyOf(ofEarlierJobs);
    }

    /** A verdict with findings about this job only. */
    public JobVerdict(String job, DeclaredJob declared, JobEffects effects, List<Finding> findings,
                      List<Path> undeclaredOutputs) {
        this(job, declared, effects, findings, undeclaredOutputs, List.of());
    }

    /**
     * True if no finding about this job is a warning: the job did what its rule says, and all of it was seen.
     */
    public boolean clean() {
        return findings.stream().noneMatch(f -> f.warning() && !ofEarlierJobs.contains(f));
    }

    /** The findings that are warnings. */
    public List<Finding> warnings() {
        return findings.stream().filter(Finding::warning).toList();
    }
}
