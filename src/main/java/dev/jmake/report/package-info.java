/**
 * The {@code -p} data base report in GNU make 4.3's format: {@link dev.jmake.report.DatabasePrinter} over the
 * read database, the graph and the {@link dev.jmake.report.BuildRecord} the build hands over, and GNU's hash-table
 * order ({@link dev.jmake.report.GnuHashOrder}). It imports {@code syntax}, {@code ui}, {@code eval} and
 * {@code graph}; {@code build} imports it to fill in the record.
 */
package dev.jmake.report;
