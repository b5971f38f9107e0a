package dev.jmake;

/** Entry point: runs one make invocation and exits with its status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String program = System.getProperty("jmake.program", "jmake");
        int status = new MakeInvocation(program, System.getenv()).run(java.util.List.of(args));
        System.exit(status);
    }
}
