/**
 * GNU make's jobserver: the token pool a make takes job slots from and hands to its children. The only package that
 * knows token bytes; it imports {@code syntax}, {@code cli} (the {@code -j} value and the MAKEFLAGS parser) and
 * {@code process} (descriptors).
 *
 * <p>Start-up: {@link dev.jmake.jobserver.JoinDecision#decide} from the merged options' {@code jobserverAuth()} and
 * the {@code -j} of the command line alone. {@code Standalone} with {@code -jN}, N &gt; 1:
 * {@link dev.jmake.jobserver.JobserverServer#start}. {@code ForcedInSubmake}: print its warning, then as
 * standalone. {@code Malformed}: a fatal error. {@code Connect}: {@link dev.jmake.jobserver.JobserverClient#connect},
 * which is {@code Joined} or {@link dev.jmake.jobserver.Unavailable} (print its error if any, its warning, run
 * {@code -j1}).
 *
 * <p>Scheduling, from one thread: {@link dev.jmake.jobserver.TokenPool#trySlot()} before starting a job; when it is
 * empty and work is ready, {@link dev.jmake.jobserver.TokenPool#acquireAsync} with a callback that only queues the
 * token beside the child completions; {@link dev.jmake.jobserver.TokenPool#release} the job's slot when its child is
 * reaped; {@link dev.jmake.jobserver.TokenPool#cancelAcquire()} when no more work is wanted (a token delivered
 * before the cancel is the caller's to release). A top-level server calls
 * {@link dev.jmake.jobserver.JobserverServer#reconcile()} whenever no job runs and nothing is held.
 * {@link dev.jmake.jobserver.Jobserver#close()} on every exit path, also before re-raising a fatal signal.
 *
 * <p>Children: {@link dev.jmake.jobserver.Jobserver#forChild} gives the descriptors to add to the spawn request and
 * the auth for the child's MAKEFLAGS and MFLAGS, which {@code cli.MakeFlags} encodes.
 */
package dev.jmake.jobserver;
