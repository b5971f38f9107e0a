#include "core.h"
#include "legacy.h"
#include <stdio.h>

int main(void) {
    for (int n = 1; n <= 5; n++) {
        printf("%d: fib %ld, %s\n", n, fibonacci(n * 10), roman(n * 7));
    }
    return 0;
}
