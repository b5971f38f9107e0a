/**
 * Where everything a user sees goes, in GNU make's formats: {@link dev.jmake.ui.Diagnostics} (messages and
 * fatal errors), the status line, the {@code Entering directory} trace. A leaf of output sinks: it imports
 * {@code syntax} (a message's location) and nothing else of jmake.
 */
package dev.jmake.ui;
