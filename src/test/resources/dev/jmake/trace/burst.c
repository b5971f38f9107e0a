/* "burst N [THREADS]": each thread probes N distinct missing paths as fast as it can (N * THREADS records the
 * collector must all receive, whole: threads share the process's one connection). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static int count;

static void *probe(void *arg) {
    long t = (long) arg;
    char path[64];
    struct stat st;
    long missing = 0;
    for (int i = 0; i < count; i++) {
        snprintf(path, sizeof path, "burst-missing/%ld/%d", t, i);
        missing += stat(path, &st) != 0;
    }
    return (void *) missing;
}

int main(int argc, char **argv) {
    count = argc > 1 ? atoi(argv[1]) : 100000;
    int threads = argc > 2 ? atoi(argv[2]) : 1;
    pthread_t ids[64];
    long missing = 0;
    for (long t = 0; t < threads && t < 64; t++) pthread_create(&ids[t], NULL, probe, (void *) t);
    for (long t = 0; t < threads && t < 64; t++) {
        void *r;
        pthread_join(ids[t], &r);
        missing += (long) r;
    }
    printf("%ld\n", missing);
    return 0;
}
