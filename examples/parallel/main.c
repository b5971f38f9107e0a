/* Runs every filter over one synthetic image and prints each result's checksum. */
#include "filters.h"
#include "registry.h"
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    size_t size = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 256;
    struct image source = image_synthetic(size, size, 42);
    for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
        printf("%-10s %08x\n", filters[i]->name, (unsigned)filters[i]->run(&source));
    }
    image_free(&source);
    return 0;
}
