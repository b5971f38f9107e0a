package dev.jmake.syntax;

/** An assignment operator: {@code = := ::= :::= ?= += !=}. */
public enum AssignOp {
    RECURSIVE("="),
    SIMPLE(":="),
    POSIX_SIMPLE("::="),
    IMMEDIATE(":::="),
    CONDITIONAL("?="),
    APPEND("+="),
    SHELL("!=");

    private final String text;

    AssignOp(String text) {
        this.text = text;
    }

    /** The operator as written in a makefile. */
    public String text() {
        return text;
    }
}
