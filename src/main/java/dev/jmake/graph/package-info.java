/**
 * What to build from the database: targets with merged prerequisites, double-colon and special targets, pattern and
 * suffix rules, implicit rule search, vpath search. It imports {@code syntax}, {@code ui}, {@code archive} and
 * {@code eval}.
 */
package dev.jmake.graph;
