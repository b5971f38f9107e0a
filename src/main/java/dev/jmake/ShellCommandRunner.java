package dev.jmake;

import dev.jmake.eval.ShellRunner;
import dev.jmake.process.ProcessLauncher;
import dev.jmake.process.RecipeCommand;
import dev.jmake.process.Redirect;
import dev.jmake.process.ShellSettings;
import dev.jmake.process.SpawnRequest;
import dev.jmake.process.SpawnResult;
import dev.jmake.process.ChildProcess;
import dev.jmake.process.Termination;
import dev.jmake.ui.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@code $(shell ...)} commands as GNU make 4.3's func_shell does: stdout captured to the end, stdin and
 * stderr inherited. The status is what make stores in {@code .SHELLSTATUS}: the exit code, {@code 128 + signal}
 * for a killed child, and 127 (after printing {@code make: foo: No such file or directory}) when nothing could be
 * executed, as make's forked child does before {@code _exit(127)}.
 */
public final class ShellCommandRunner implements ShellRunner {
    /** The status of a command that could not be executed. */
    public static final int NOT_EXECUTED = 127;

    private final ProcessLauncher launcher;
    private final Optional<Path> workingDirectory;
    private final Diagnostics diagnostics;

    /** Commands run in {@code workingDirectory} (empty: the JVM's own, as without {@code -C}). */
    public ShellCommandRunner(ProcessLauncher launcher, Optional<Path> workingDirectory, Diagnostics diagnostics) {
        this.launcher = launcher;
        this.workingDirectory = workingDirectory;
        this.diagnostics = diagnostics;
    }

    /** {@code command} must not be blank: for a blank command GNU make runs nothing. */
    @Override
    public Result run(String shell, String shellFlags, String command, Map<String, String> environment) {
        List<String> argv = RecipeCommand.forShellFunction(command, ShellSettings.of(shell, shellFlags));
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("blank $(shell) command");
        }
        SpawnRequest request = SpawnRequest.of(argv, environment).withStdout(Redirect.CAPTURE);
        if (workingDirectory.isPresent()) {
            request = request.inDirectory(workingDirectory.get());
        }
        // The command's stderr is make's: GNU prints the pending "Entering directory" line first (func_shell).
        diagnostics.startOutput();
        SpawnResult result = launcher.launch(request);
        if (result instanceof SpawnResult.Failed failed) {
            diagnostics.error(failed.message());
            return new Result("", NOT_EXECUTED);
        }
        ChildProcess process = ((SpawnResult.Started) result).process();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (InputStream out = process.stdout().orElseThrow()) {
            out.transferTo(captured);
        } catch (IOException e) {
            // As func_shell does: reading stops at the first failed read and the output read so far is the value
            // (GNU prints nothing and goes on); the child's status still comes from waitFor below.
        }
        String stdout = captured.toString(launcher.charset());
        Termination termination = process.waitFor();
        if (process.startFailure().isPresent()) {
            diagnostics.error(process.startFailure().get().message());
            return new Result("", NOT_EXECUTED);
        }
        if (termination instanceof Termination.Signaled signaled) {
            return new Result(stdout, 128 + signaled.signal());
        }
        return new Result(stdout, ((Termination.Exited) termination).code());
    }
}
