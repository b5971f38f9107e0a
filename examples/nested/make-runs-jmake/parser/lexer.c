#include "parser.h"
#include <ctype.h>
#include <stdlib.h>

int tokenize(const char *text, struct token *tokens, int max) {
    int count = 0;
    while (*text != '\0' && count < max - 1) {
        if (isspace((unsigned char)*text)) {
            text++;
        } else if (isdigit((unsigned char)*text)) {
            char *end;
            tokens[count].kind = 'n';
            tokens[count++].value = strtol(text, &end, 10);
            text = end;
        } else {
            tokens[count].kind = *text++;
            tokens[count++].value = 0;
        }
    }
    tokens[count].kind = 0;
    return count;
}
