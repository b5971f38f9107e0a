#include "greet.h"

int main(int argc, char **argv) {
    const char *name = argc > 1 ? argv[1] : "jmake";
    greet(name);
    shout(name);
    return 0;
}
