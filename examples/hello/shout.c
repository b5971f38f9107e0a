#include <ctype.h>
#include <stdio.h>
#include "greet.h"

void shout(const char *name) {
    printf("HELLO, ");
    for (const char *p = name; *p; p++) {
        putchar(toupper((unsigned char) *p));
    }
    printf("!\n");
}
