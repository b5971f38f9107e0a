#include "parser.h"
#include <stdlib.h>

struct cursor {
    struct token tokens[256];
    int at;
};

static struct node *expression(struct cursor *c);

static struct node *make_node(char op, long value, struct node *left, struct node *right) {
    struct node *node = malloc(sizeof *node);
    node->op = op;
    node->value = value;
    node->left = left;
    node->right = right;
    return node;
}

static struct node *primary(struct cursor *c) {
    struct token t = c->tokens[c->at];
    if (t.kind == 'n') {
        c->at++;
        return make_node(0, t.value, NULL, NULL);
    }
    if (t.kind == '(') {
        c->at++;
        struct node *inner = expression(c);
        if (inner == NULL || c->tokens[c->at].kind != ')') {
            return NULL;
        }
        c->at++;
        return inner;
    }
    return NULL;
}

static struct node *term(struct cursor *c) {
    struct node *left = primary(c);
    while (left != NULL && (c->tokens[c->at].kind == '*' || c->tokens[c->at].kind == '/')) {
        char op = c->tokens[c->at++].kind;
        struct node *right = primary(c);
        left = right == NULL ? NULL : make_node(op, 0, left, right);
    }
    return left;
}

static struct node *expression(struct cursor *c) {
    struct node *left = term(c);
    while (left != NULL && (c->tokens[c->at].kind == '+' || c->tokens[c->at].kind == '-')) {
        char op = c->tokens[c->at++].kind;
        struct node *right = term(c);
        left = right == NULL ? NULL : make_node(op, 0, left, right);
    }
    return left;
}

struct node *parse(const char *text) {
    struct cursor c = {.at = 0};
    tokenize(text, c.tokens, 256);
    struct node *tree = expression(&c);
    return tree != NULL && c.tokens[c.at].kind == 0 ? tree : NULL;
}

long evaluate(const struct node *node) {
    switch (node->op) {
    case 0: return node->value;
    case '+': return evaluate(node->left) + evaluate(node->right);
    case '-': return evaluate(node->left) - evaluate(node->right);
    case '*': return evaluate(node->left) * evaluate(node->right);
    default: return evaluate(node->left) / evaluate(node->right);
    }
}
