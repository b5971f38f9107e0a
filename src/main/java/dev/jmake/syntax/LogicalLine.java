package dev.jmake.syntax;

/**
 * One logical line as read.c's {@code readline} returns it: physical lines joined after an odd number of backslashes
 * (the backslash-newlines are still in {@code text}, CRs before newlines removed), numbered by its first physical line.
 */
record LogicalLine(String text, int line) {}
