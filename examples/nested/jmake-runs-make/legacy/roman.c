#include "legacy.h"
#include <string.h>

const char *roman(int n) {
    static const int values[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *const symbols[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    static char buffer[32];
    buffer[0] = '\0';
    for (int i = 0; i < 13; i++) {
        while (n >= values[i]) {
            strcat(buffer, symbols[i]);
            n -= values[i];
        }
    }
    return buffer;
}
