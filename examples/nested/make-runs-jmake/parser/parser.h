#ifndef PARSER_H
#define PARSER_H

/* An arithmetic expression: a number, or an operator with two operands. */
struct node {
    char op; /* 0 for a number */
    long value;
    struct node *left, *right;
};

struct token {
    char kind; /* 'n' number, an operator or parenthesis, 0 at the end */
    long value;
};

/* Splits text into tokens; returns how many, at most max. */
int tokenize(const char *text, struct token *tokens, int max);
/* Parses text into a tree (+ - * / with the usual precedence, parentheses); NULL on a syntax error. */
struct node *parse(const char *text);
long evaluate(const struct node *node);

#endif
