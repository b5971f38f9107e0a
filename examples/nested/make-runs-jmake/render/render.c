#include "render.h"
#include <stdio.h>

static int write_node(const struct node *node, char *out, int size) {
    if (node->op == 0) {
        return snprintf(out, size, "%ld", node->value);
    }
    int n = snprintf(out, size, "(");
    n += write_node(node->left, out + n, size - n);
    n += snprintf(out + n, size - n, " %c ", node->op);
    n += write_node(node->right, out + n, size - n);
    return n + snprintf(out + n, size - n, ")");
}

const char *render(const struct node *node) {
    static char buffer[1024];
    write_node(node, buffer, sizeof buffer);
    return buffer;
}
