/**
 * GNU make's command line: options as getopt reads them (bundled, long, from GNUMAKEFLAGS and MAKEFLAGS), the
 * {@link dev.jmake.cli.Options} value, and {@link dev.jmake.cli.MakeFlags}, the one place MAKEFLAGS and MFLAGS are
 * parsed and encoded for children. It imports only {@code syntax}.
 */
package dev.jmake.cli;
