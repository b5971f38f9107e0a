#ifndef RENDER_H
#define RENDER_H
#include "parser.h"
/* The expression fully parenthesised, in a static buffer. */
const char *render(const struct node *node);
#endif
