#ifndef GREET_H
#define GREET_H
void greet(const char *name);
void shout(const char *name);
#endif
