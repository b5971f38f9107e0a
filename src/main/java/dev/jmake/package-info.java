/**
 * jmake, a GNU-make-compatible build driver: {@code Main} and {@code MakeInvocation} run one make from argv to exit
 * status, wiring the stages together ({@code JobserverRole} joins or starts the jobserver, {@code ShellCommandRunner}
 * is the {@code $(shell)} runner that joins {@code eval} to {@code process}). It may import every stage; no stage
 * imports it.
 */
package dev.jmake;
