#ifndef CORE_H
#define CORE_H
long fibonacci(int n);
#endif
