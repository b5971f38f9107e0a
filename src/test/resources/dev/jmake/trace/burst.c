/* "burst N": probes N distinct missing paths as fast as it can (N records the collector must all receive). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 100000;
    char path[64];
    struct stat st;
    int missing = 0;
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "burst-missing/%d", i);
        missing += stat(path, &st) != 0;
    }
    printf("%d\n", missing);
    return 0;
}
