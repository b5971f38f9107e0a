/**
 * The build phase: out-of-date decisions, the scheduler ({@code -j -k -l}, {@code .NOTPARALLEL}, {@code .WAIT}),
 * recipe lines expanded at run time and run through {@code process}, {@code -n -q -t -B -i}, output sync, the
 * jobserver's tokens and traced recipes. It may import every stage below it: {@code syntax}, {@code ui},
 * {@code archive}, {@code cli}, {@code process}, {@code trace}, {@code jobserver}, {@code eval}, {@code graph} and
 * {@code report}.
 */
package dev.jmake.build;
