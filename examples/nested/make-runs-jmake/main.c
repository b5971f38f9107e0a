#include "parser.h"
#include "render.h"
#include <stdio.h>

int main(int argc, char **argv) {
    const char *text = argc > 1 ? argv[1] : "1 + 1";
    struct node *tree = parse(text);
    if (tree == NULL) {
        fprintf(stderr, "cannot parse: %s\n", text);
        return 1;
    }
    printf("%s = %ld\n", render(tree), evaluate(tree));
    return 0;
}
