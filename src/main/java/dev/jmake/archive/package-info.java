/**
 * Archive members ({@code lib.a(m.o)}) as GNU make's ar.c and arscan.c see them: the reference syntax and the
 * {@code ar} archive format, read for member dates and written for {@code -t}. A value layer below {@code eval},
 * {@code graph} and {@code build}, which all meet member references; it imports only {@code syntax}.
 */
package dev.jmake.archive;
