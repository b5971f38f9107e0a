package dev.jmake.trace;

/** The traced process that made an access, as findings name it: {@code pid 123 /usr/bin/cp}. */
public record Actor(int pid, String executable) {
    @Override
    public String toString() {
        return "pid " + pid + " " + executable;
    }
}
