main.o: main.c filters.h registry.h
filters.h:
registry.h:
